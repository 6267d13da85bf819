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

/** Template merged with what the desk recorded; items not recorded yet are 'missing' (or 'na'). */
export function buildChecklist(templates: Template[], saved: Record<string, ChecklistState> | null): ChecklistItem[] {
  return templates.map((t) => {
    const state = saved?.[t.key] ?? (t.applies ? 'missing' : 'na');
    return { key: t.key, label: t.label, required: t.applies, state };
  });
}

export function missingRequired(items: ChecklistItem[]): ChecklistItem[] {
  return items.filter((i) => i.required && i.state === 'missing');
}
