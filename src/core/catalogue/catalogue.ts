import type { Specialty } from '../../shared/contract/catalogue';
import { AppError } from '../../shared/errors';
import type { Preset } from '../../shared/preset';
import type { Tx } from '../context';
import type { SpecialtyTable } from '../db/schema';
import { NATIONAL_SPECIALTIES } from './national';

export function toSpecialty(s: SpecialtyTable): Specialty {
  return { code: s.code, name: s.name, local: s.local === 1, active: s.active === 1 };
}

/** First run: the national list plus the province's own additions (重症医学科, 口腔正畸科 ...). */
export async function seedCatalogue(tx: Tx, preset: Preset): Promise<Specialty[]> {
  const rows: SpecialtyTable[] = [
    ...NATIONAL_SPECIALTIES.map((s) => ({ code: s.code, name: s.name, local: 0, active: 1 })),
    ...preset.extraSpecialties.map((s) => ({ code: s.code, name: s.name, local: 1, active: 1 })),
  ];
  await tx
    .insertInto('specialties')
    .values(rows)
    .onConflict((oc) => oc.doNothing())
    .execute();
  return rows.map(toSpecialty);
}

/**
 * Names as people type them: full-width brackets, stray spaces, "医学科" vs "科". NFKC folds full-width
 * forms; the alias table covers names bases commonly use for national specialties.
 */
export function normalizeSpecialtyName(name: string): string {
  return name.normalize('NFKC').replace(/\s+/g, '').replace(/[（]/g, '(').replace(/[）]/g, ')');
}

const ALIASES: Record<string, string> = {
  全科医学科: '全科',
  全科医学: '全科',
  检验科: '检验医学科',
  医学检验科: '检验医学科',
  超声科: '超声医学科',
  病理科: '临床病理科',
  耳鼻喉科: '耳鼻咽喉科',
  重症医学: '重症医学科',
  康复科: '康复医学科',
  放疗科: '放射肿瘤科',
  神经外科: '外科(神经外科方向)',
  胸心外科: '外科(胸心外科方向)',
  泌尿外科: '外科(泌尿外科方向)',
  整形外科: '外科(整形外科方向)',
};

export type CatalogueIndex = { byName: Map<string, SpecialtyTable>; byCode: Map<string, SpecialtyTable> };

export async function loadCatalogue(tx: Tx): Promise<CatalogueIndex> {
  const all = await tx.selectFrom('specialties').selectAll().execute();
  const byName = new Map<string, SpecialtyTable>();
  const byCode = new Map<string, SpecialtyTable>();
  for (const s of all) {
    byName.set(normalizeSpecialtyName(s.name), s);
    byCode.set(s.code, s);
  }
  return { byName, byCode };
}

export function matchSpecialty(index: CatalogueIndex, nameOrCode: string): SpecialtyTable | null {
  const key = normalizeSpecialtyName(nameOrCode);
  const direct = index.byName.get(key) ?? index.byCode.get(key);
  if (direct) return direct;
  const alias = ALIASES[key];
  return alias ? (index.byName.get(normalizeSpecialtyName(alias)) ?? null) : null;
}

export async function nextLocalCode(tx: Tx): Promise<string> {
  const locals = await tx.selectFrom('specialties').select('code').where('code', 'like', 'L%').execute();
  let max = 0;
  for (const { code } of locals) {
    const m = /^L(\d+)$/.exec(code);
    if (m) max = Math.max(max, Number(m[1]));
  }
  return `L${String(max + 1).padStart(3, '0')}`;
}

export async function addLocalSpecialty(tx: Tx, name: string, code?: string): Promise<SpecialtyTable> {
  const index = await loadCatalogue(tx);
  const existing = matchSpecialty(index, name);
  if (existing) {
    throw new AppError('CATALOGUE_EXISTS', `专业“${name}”已在目录中（代码 ${existing.code}）。`, { code: existing.code });
  }
  const finalCode = code ?? (await nextLocalCode(tx));
  if (index.byCode.has(finalCode)) throw new AppError('CATALOGUE_CODE_TAKEN', `专业代码 ${finalCode} 已被使用。`);
  const row: SpecialtyTable = { code: finalCode, name: name.trim(), local: 1, active: 1 };
  await tx.insertInto('specialties').values(row).execute();
  return row;
}
