/** Chinese wording for allocation results, kept in one place so the UI and exports say the same thing. */
import { formatHundredths } from '../../scores/rules/hundredths';
import type { AllocationRound } from './types';

export const ROUND_LABEL: Record<AllocationRound, string> = {
  'choice-1': '第一志愿',
  'choice-2': '第二志愿',
  'choice-3': '第三志愿',
  adjustment: '调剂',
  'second-1': '二次补报第一志愿',
  'second-2': '二次补报第二志愿',
};

export const AUTHORITY_LABEL: Record<'province' | 'city', string> = { province: '省卫生健康委', city: '市卫生健康委' };

/** Who placed an applicant by 调剂, for the admission's explanation. */
export function adjustedByText(assignedBy: 'province' | 'city' | undefined): string {
  return assignedBy === undefined ? '住培办指定' : `${AUTHORITY_LABEL[assignedBy]}调剂结果，基地登记`;
}

export function seatLabel(specialty: string, category: string | null): string {
  return category === null ? `「${specialty}」` : `「${specialty}」（${category}）`;
}

export const text = {
  ineligible: (reason: string | undefined) => `资格审核未通过：${reason?.trim() || '未注明原因'}，不参与录取。`,
  declined: () => '本人已放弃录取，名额已释放，不再参与本次录取。',
  noSeat: (acceptsAdjustment: boolean, proposal: { specialty: string; category: string | null } | undefined) =>
    `各志愿均未录取（名额已满或排名未进入录取范围）${
      !acceptsAdjustment
        ? '，且不服从调剂。'
        : proposal !== undefined
          ? `；调剂建议：${seatLabel(proposal.specialty, proposal.category)}，待住培办确认。`
          : '；服从调剂，但暂无可调剂的名额。'
    }`,
  noSeatAwaitingAuthority: (authority: 'province' | 'city') =>
    `各志愿均未录取（名额已满或排名未进入录取范围）；调剂由${AUTHORITY_LABEL[authority]}决定，收到调剂结果后由基地登记。`,
  choiceExcludedSecondWindow: (specialty: string, index: number) =>
    `二次补报第 ${index + 1} 志愿「${specialty}」：按本地招录方案该专业不参加二次补报，已跳过。`,
  adjustmentNotAllowed: (id: string, specialty: string, category: string, allowed: string[]) =>
    `考生「${id}」为${category}，只能调剂至${allowed.map((c) => `「${c}」`).join('、')}，不能调剂到「${specialty}」。`,
  awaitingTie: (round: AllocationRound, specialty: string, category: string | null, total: number, seatsLeft: number) =>
    `与其他考生在${seatLabel(specialty, category)}${ROUND_LABEL[round]}的最后 ${seatsLeft} 个名额处同分（总成绩 ${formatHundredths(total)}，各并列比较项也相同），需基地决定录取人选后重新计算。`,
  choiceNotInPlan: (specialty: string, index: number, stage: string) =>
    `${stage}第 ${index + 1} 志愿「${specialty}」不在本基地招收计划中，已跳过。`,
  choiceCategoryNotInPlan: (specialty: string, category: string | null, index: number, stage: string) =>
    `${stage}第 ${index + 1} 志愿「${specialty}」的计划按人员类别分列，但没有「${category ?? '未填写类别'}」的名额，已跳过。`,
  choiceBeyondRounds: (ignored: string[], rounds: number) =>
    `本次招录每人最多 ${rounds} 个志愿，多出的志愿（${ignored.map((c) => `「${c}」`).join('、')}）不参与录取。`,
  choiceDuplicate: (specialty: string, index: number) => `第 ${index + 1} 志愿「${specialty}」与前面的志愿重复，已跳过。`,
  tieResolutionUnused: (round: AllocationRound, specialty: string, category: string | null) =>
    `${seatLabel(specialty, category)}${ROUND_LABEL[round]}的同分决定未被使用：本次计算中该处没有末位同分（可能因放弃或成绩变化而不再需要）。`,
  overQuotaApprovalUnused: (id: string, specialty: string) =>
    `考生「${id}」调剂到「${specialty}」的超计划批准未被使用（没有对应的调剂，或该专业仍有名额）。`,
  unknownApplicant: (id: string, what: string) => `${what}中的考生「${id}」不在本次考生名单中，已忽略。`,
};
