/**
 * A subject is registered when it is in the provincial system and, for 专业理论, also in 中国卫生人才网 with
 * identical details (报考信息、照片等相关信息须与福建省助理全科医生培训系统一致, 福建2024 三(一)).
 */
export function subjectRegistered(r: { subject: string; provincial: boolean; national: boolean; identical: boolean }): boolean {
  return r.provincial && (r.subject !== 'theory' || (r.national && r.identical));
}
