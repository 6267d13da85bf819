/**
 * Reading an applicant's 志愿 from a roster row. What a choice names comes from the preset (presets/index.ts
 * choiceShape): a specialty of this base (Jilin), a base (Chongqing 助理全科: the specialty is the program
 * itself), or a base and a specialty (Beijing). A choice naming another base is kept as written and not checked
 * against this base's catalogue; a choice naming this base must name one of its specialties.
 */
import type { ApplicantChoice, ApplicantFieldKey } from '../../shared/contract/applicants';
import type { Preset } from '../../shared/preset';
import { matchSpecialty, type CatalogueIndex } from '../catalogue/catalogue';
import { choiceShape } from '../presets';
import { normalizeText } from '../tabular';
import { fieldLabel } from './fields';
import type { RowReader } from './row-reader';

export type ChoiceContext = {
  preset: Preset;
  catalogue: CatalogueIndex;
  allowed: Set<string>;
  allowedFrom: 'plan' | 'catalogue';
  base?: { name: string; code: string } | undefined;
};

export type ReadChoices = { choices: string[]; choiceList: ApplicantChoice[] | null };

const SLOTS = [
  { order: 1, specialty: 'choice1', base: 'choice1Base' },
  { order: 2, specialty: 'choice2', base: 'choice2Base' },
  { order: 3, specialty: 'choice3', base: 'choice3Base' },
] as const satisfies ReadonlyArray<{ order: number; specialty: ApplicantFieldKey; base: ApplicantFieldKey }>;

const squash = (s: string) => normalizeText(s).replace(/\s+/g, '');

/** Whether a base as the roster names it is this base (its name or code; “本基地” too). */
export function isThisBase(raw: string, base: ChoiceContext['base']): boolean {
  const v = squash(raw);
  if (v === '' || v === '本基地') return true;
  if (!base) return false;
  return v === squash(base.name) || (base.code !== '' && v.toUpperCase() === squash(base.code).toUpperCase());
}

type Slot = (typeof SLOTS)[number];

/** The base and specialty text of one slot as this preset's roster writes them. */
function slotText(r: RowReader, slot: Slot, parts: string): { base: string; specialty: string } {
  const baseCol = r.text(slot.base);
  if (parts === 'base') return { base: baseCol || r.text(slot.specialty), specialty: baseCol ? r.text(slot.specialty) : '' };
  return { base: baseCol, specialty: r.text(slot.specialty) };
}

/** This base's specialty code for an own choice, or null with the row's problem reported. */
function ownSpecialty(r: RowReader, slot: Slot, text: string, ctx: ChoiceContext): string | null {
  const implied = choiceShape(ctx.preset.id).impliedSpecialty;
  const raw = text || implied || '';
  const field = text ? slot.specialty : r.has(slot.base) ? slot.base : slot.specialty;
  if (raw === '') {
    r.problem(field, 'CHOICE_SPECIALTY_MISSING', `${fieldLabel(slot.specialty)}报考本基地，但没有填写专业，请补充专业`);
    return null;
  }
  const s = matchSpecialty(ctx.catalogue, raw);
  if (s && ctx.allowed.has(s.code)) return s.code;
  const where = ctx.allowedFrom === 'plan' ? '本基地本年度招收计划' : '本基地专业目录';
  r.problem(field, 'UNKNOWN_SPECIALTY', `${fieldLabel(slot.specialty)}“${raw}”不是${where}中的专业，请核对专业名称`);
  return null;
}

const keyOf = (c: ApplicantChoice) => `${c.base ?? ''}\u0000${c.specialty ?? ''}`;

export function readChoices(r: RowReader, ctx: ChoiceContext): ReadChoices {
  const { parts } = choiceShape(ctx.preset.id);
  const list: ApplicantChoice[] = [];
  for (const slot of SLOTS) {
    const t = slotText(r, slot, parts);
    if (t.base === '' && t.specialty === '') {
      if (slot.order === 1 && (r.has(slot.specialty) || r.has(slot.base)))
        r.required(r.has(slot.specialty) ? slot.specialty : slot.base);
      continue;
    }
    const own = isThisBase(t.base, ctx.base);
    const choice: ApplicantChoice = own
      ? { order: slot.order, base: null, specialty: ownSpecialty(r, slot, t.specialty, ctx) }
      : { order: slot.order, base: t.base, specialty: t.specialty || null };
    if (own && choice.specialty === null) continue;
    if (list.some((c) => keyOf(c) === keyOf(choice))) {
      r.warn(slot.specialty, 'CHOICE_REPEATED', `${fieldLabel(slot.specialty)}与前面的志愿重复`);
      continue;
    }
    list.push(choice);
  }
  if (list.length > ctx.preset.choices) {
    r.warn(
      'choice1',
      'TOO_MANY_CHOICES',
      `填写了 ${list.length} 个志愿，${ctx.preset.province}每人限报 ${ctx.preset.choices} 个`,
    );
  }
  const choices = list.filter((c) => c.base === null).map((c) => c.specialty!);
  return { choices, choiceList: list.some((c) => c.base !== null) ? list : null };
}
