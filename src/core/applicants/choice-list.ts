/**
 * An applicant's choices as one ordered list of {order, base, specialty} (base null: this base), and what this
 * base reads from it: its own choices, the round the applicant belongs to here, each choice as a line. Pure.
 */
import type { ApplicantChoice } from '../../shared/contract/applicants';
import { parseJsonAs } from '../util/json';
import { z } from 'zod';
import { choiceLabel } from '../presets';

const storedList = z.array(
  z.object({ order: z.number().int().min(1), base: z.string().nullable(), specialty: z.string().nullable() }),
);

/** Every choice in order: the stored list, or this base's codes at positions 1..n when there is none. */
export function fullChoiceList(choices: readonly (string | null)[], choiceList: readonly ApplicantChoice[] | null | undefined) {
  if (choiceList) return [...choiceList];
  const out: ApplicantChoice[] = [];
  choices.forEach((c, i) => {
    if (typeof c === 'string' && c !== '') out.push({ order: i + 1, base: null, specialty: c });
  });
  return out;
}

/**
 * The stored list as the record keeps it: null when every choice is this base's (then `choices` says it all).
 * This base's entries take their specialties from `choices` in turn, which a plan remap keeps up to date.
 */
export function storedChoiceList(choices: readonly (string | null)[], json: string | null | undefined): ApplicantChoice[] | null {
  // Most rows name only this base: no other base means nothing to parse (lists read thousands of rows).
  if (json == null || !json.includes('"base":"')) return null;
  const list = parseJsonAs(storedList, json, 'applicants.choice_list_json');
  if (!list.some((c) => c.base !== null)) return null;
  let k = 0;
  return list.map((c) => (c.base === null ? { ...c, specialty: choices[k++] ?? c.specialty } : c));
}

/** The order of the first choice naming this base: the round the applicant belongs to here; null when none does. */
export function roundHere(list: readonly ApplicantChoice[]): number | null {
  const own = list.find((c) => c.base === null);
  return own === undefined ? null : own.order;
}

/**
 * This base's specialty per choice position, '' where the choice names another base: what the allocation's
 * choice rounds read, so an applicant whose own choice is their 2nd competes in round 2.
 */
export function ownChoicesByPosition(list: readonly ApplicantChoice[]): string[] {
  const max = list.reduce((m, c) => Math.max(m, c.order), 0);
  const out: string[] = Array.from({ length: max }, () => '');
  for (const c of list) if (c.base === null && c.specialty) out[c.order - 1] = c.specialty;
  return out;
}

/** “第一志愿：其他基地（某医院 内科）”, “第二志愿：本基地 全科”. */
export function choiceText(c: ApplicantChoice, specialtyName: (code: string) => string): string {
  if (c.base === null) return `${choiceLabel(c.order)}：本基地${c.specialty ? ` ${specialtyName(c.specialty)}` : ''}`;
  return `${choiceLabel(c.order)}：其他基地（${c.base}${c.specialty ? ` ${c.specialty}` : ''}）`;
}

/** A choice in a short list: this base's specialty name, or “其他基地（某医院 内科）”. */
export function choiceName(c: ApplicantChoice, specialtyName: (code: string) => string): string {
  if (c.base === null) return c.specialty ? specialtyName(c.specialty) : '本基地';
  return `其他基地（${c.base}${c.specialty ? ` ${c.specialty}` : ''}）`;
}
