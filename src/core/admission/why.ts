/**
 * "Why was A admitted and not B": each applicant's outcome, then every competition both took part in, with
 * their ranks and the seats there. Read from the stored run, so it explains exactly what was decided.
 */
import { ROUND_LABEL } from './rules';
import { formatHundredths } from '../scores/rules';
import type { StoredRun } from './compute';
import { admittedRows, personRef, specialtyName, type ViewContext } from './views';

function outcome(ctx: ViewContext, stored: StoredRun, id: string): string {
  const who = personRef(ctx, id).name;
  const admitted = admittedRows(ctx, {
    ...stored,
    result: { ...stored.result, admissions: stored.result.admissions.filter((a) => a.id === id) },
  })[0];
  if (admitted !== undefined) return `${who}：${admitted.explanation}`;
  const n = stored.result.notAdmitted.find((x) => x.id === id);
  if (n === undefined) return `${who}：不在本次录取计算的考生名单中。`;
  const reason =
    n.code === 'INELIGIBLE' && stored.ineligible[id] !== undefined ? `不参与录取：${stored.ineligible[id]}。` : n.message;
  return `${who}：${reason}`;
}

/** `overrides`: id -> the desk's line for an applicant confirmed past a failing eligibility rule. */
export function whyNot(
  ctx: ViewContext,
  stored: StoredRun,
  a: string,
  b: string,
  overrides: ReadonlyMap<string, string> = new Map(),
): string[] {
  const withOverride = (id: string) => {
    const line = overrides.get(id);
    return line === undefined ? [] : [`${personRef(ctx, id).name}：现场确认时${line}。`];
  };
  const lines = [outcome(ctx, stored, a), ...withOverride(a), outcome(ctx, stored, b), ...withOverride(b)];
  const fixed = lines.length;
  const name = (id: string) => personRef(ctx, id).name;
  for (const c of stored.result.explanation) {
    const x = c.ranked.find((e) => e.id === a);
    const y = c.ranked.find((e) => e.id === b);
    if (x === undefined || y === undefined) continue;
    const where = `「${c.specialty} ${specialtyName(ctx, c.specialty)}」${c.category === null ? '' : `（${c.category}）`}${ROUND_LABEL[c.round]}`;
    const seats = c.heldForTie === true ? '名额正等待末位同分决定' : `名额 ${c.seatsBefore} 个`;
    const order =
      x.rank === y.rank
        ? '两人总成绩与各并列比较项完全相同（同分），由基地决定'
        : `${x.rank < y.rank ? name(a) : name(b)}排名在前${x.total === y.total ? '（总成绩相同，由预设的并列比较项区分）' : ''}`;
    lines.push(
      `两人都参加了${where}的竞争（${seats}，${c.ranked.length} 人）：${name(a)} 总成绩 ${formatHundredths(x.total)} 排第 ${x.rank} 名${x.admitted ? '，录取' : ''}；${name(b)} 总成绩 ${formatHundredths(y.total)} 排第 ${y.rank} 名${y.admitted ? '，录取' : ''}。${order}。`,
    );
  }
  if (lines.length === fixed) lines.push('两人没有在同一专业、同一轮次竞争过：各自的结果由各自志愿所在专业的排名决定。');
  return lines;
}
