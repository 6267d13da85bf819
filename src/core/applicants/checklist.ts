/**
 * The documents a clerk checks at 现场确认, generated from the applicant's category and record (domain.md
 * "The yearly cycle" 3): ID card; diplomas and degrees from first to highest; physician qualification and
 * practising certificates when declared; for employed categories the employment contract and the
 * employer's consent with seal; the reduction application; the 定向 agreement; the photo.
 */
import type { ChecklistItem, ChecklistState } from '../../shared/contract/applicants';
import type { Preset } from '../../shared/preset';
import type { ApplicantRecord } from './validate-row';

/** Categories whose people are sent by an employer (单位人, 委托培训, 委培人 ...), decided by code/name. */
export function isEmployedCategory(preset: Preset, code: string | null): boolean {
  if (!code) return false;
  const c = preset.categories.find((x) => x.code === code);
  return /单位|委托|委培/.test(`${code} ${c?.name ?? ''}`);
}

type Template = { key: string; label: string; applies: boolean };

export function checklistTemplate(preset: Preset, r: ApplicantRecord, hasEducationRows: boolean): Template[] {
  const employed = isEmployedCategory(preset, r.category);
  // 专科 graduates (助理全科) hold no degree certificate.
  const college = /专科|大专|高职/.test(r.highestEducation ?? '') && r.highestDegree === null;
  return [
    { key: 'id_card', label: `${r.idType}`, applies: true },
    {
      key: 'diplomas',
      label: hasEducationRows ? '各阶段学历证书（第一学历至最高学历）' : '学历证书（第一学历至最高学历）',
      applies: true,
    },
    { key: 'degrees', label: '学位证书（第一学位至最高学位）', applies: !college },
    { key: 'qualification', label: '医师资格证书', applies: r.qualificationCertNo !== null },
    { key: 'practising', label: '医师执业证书', applies: r.practisingCertNo !== null },
    { key: 'employment_contract', label: '聘用（劳动）合同', applies: employed },
    { key: 'employer_consent', label: '单位同意报考证明（加盖公章）', applies: employed },
    { key: 'reduction', label: '培训年限减免申请表', applies: r.reductionYears > 0 },
    { key: 'oriented_agreement', label: '农村订单定向就业协议书（或定向身份证明）', applies: r.ruralOriented },
    { key: 'photo', label: '2 寸证件照（150-300 KB）', applies: true },
  ];
}

/** Shown beside items the clerk declared rather than marked, so the record says how it was made. */
export const ATTESTED_NOTE = '确认人声明已核验原件（未在核对台逐项记录）';

/**
 * Template merged with what was recorded; items not recorded yet are 'missing' (or 'na') with
 * `recorded: false`, so the desk can show them as not looked at rather than as an answer.
 */
export function buildChecklist(
  templates: Template[],
  saved: Record<string, ChecklistState> | null,
  attestedKeys: readonly string[] = [],
): ChecklistItem[] {
  return templates.map((t) => {
    const recorded = saved?.[t.key];
    const item: ChecklistItem = {
      key: t.key,
      label: t.label,
      required: t.applies,
      state: recorded ?? (t.applies ? 'missing' : 'na'),
      recorded: recorded !== undefined,
    };
    if (recorded === 'original' && attestedKeys.includes(t.key)) item.note = ATTESTED_NOTE;
    return item;
  });
}

export function missingRequired(items: ChecklistItem[]): ChecklistItem[] {
  return items.filter((i) => i.required && i.state === 'missing');
}

/**
 * `--checklist complete`: every required item not recorded yet becomes 'original'. Returns the new checklist
 * and the keys so declared. An item recorded as 缺 stays 缺 (the declaration never overwrites a record), so
 * the decision is then refused as incomplete.
 */
export function declareComplete(
  items: ChecklistItem[],
  checklist: Record<string, ChecklistState>,
): { checklist: Record<string, ChecklistState>; declared: string[] } {
  const out = { ...checklist };
  const declared: string[] = [];
  for (const i of items) {
    if (!i.required) continue;
    const state = out[i.key];
    if (state === undefined) {
      out[i.key] = 'original';
      declared.push(i.key);
    }
  }
  return { checklist: out, declared };
}
