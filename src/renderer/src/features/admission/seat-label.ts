/** A seat as the staff say it: “0100 内科（社会人）”. */
export function seatLabel(s: { specialtyCode: string; specialtyName: string; category: string | null }): string {
  return `${s.specialtyCode} ${s.specialtyName}${s.category ? `（${s.category}）` : ''}`;
}
