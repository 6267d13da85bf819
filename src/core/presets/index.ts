import { AppError } from '../../shared/errors';
import { PresetSchema, type Preset } from '../../shared/preset';
import beijing2023 from '../../../resources/presets/beijing-2023.json';
import chongqing2022Agp from '../../../resources/presets/chongqing-2022-agp.json';
import fujian2024Agp from '../../../resources/presets/fujian-2024-agp.json';
import jilin2024 from '../../../resources/presets/jilin-2024.json';

// Static imports (not a folder scan) so the bundled app and the CLI see the same presets.
const RAW: unknown[] = [jilin2024, beijing2023, chongqing2022Agp, fujian2024Agp];

let parsed: readonly Preset[] | undefined;

/**
 * The shipped presets, checked against the schema on first use rather than at import: every CLI command
 * imports this module (the base's settings name a preset), few of them read a preset.
 */
export function allPresets(): readonly Preset[] {
  parsed ??= RAW.map((p) => PresetSchema.parse(p));
  return parsed;
}

export function getPreset(id: string): Preset {
  const p = allPresets().find((x) => x.id === id);
  if (!p) {
    const known = allPresets()
      .map((x) => x.id)
      .join('、');
    throw new AppError('PRESET_UNKNOWN', `没有这个省份政策预设：${id}。可选：${known}`, {
      presetId: id,
    });
  }
  return p;
}

/**
 * What one 志愿 names in a province: a base, a specialty of this base, or both. `impliedSpecialty` is the
 * specialty (by name) a choice that names only a base stands for (Chongqing 助理全科: the program itself).
 */
export type ChoiceShape = {
  parts: 'base' | 'specialty' | 'base+specialty';
  impliedSpecialty?: string;
  source: string;
};

/** One admission round as the province dates it (a choice round, or 调剂 after them). */
export type ChoiceRound = { order: number | 'adjustment'; label: string; dates: string | null; source: string };

const CHOICE_SHAPES: Record<string, ChoiceShape> = {
  'chongqing-2022-agp': {
    parts: 'base',
    impliedSpecialty: '助理全科',
    source:
      '委办〔2022〕38号 四（四）：“报考人员须认真阅读各培训基地的招生简章，根据各培训基地的招考条件填写报考志愿。每名报考人员限报 2 个志愿，并按第一、二志愿先后顺序填报。”',
  },
  'beijing-2023': {
    parts: 'base+specialty',
    source:
      '京卫科教〔2023〕23号 三（三）：“培训基地应在各志愿批次录取时间段内对报名者进行临床综合能力考核和录取”；三（一）：“二次补报人员可填报两个志愿，填报方式同首次报名。”',
  },
  'jilin-2024': {
    parts: 'specialty',
    source: '吉林省2024年住培和助理全科医生培训招收工作通知 附件1 三（三）1：“每人限报1个培训基地，1个培训专业。”',
  },
};

/** Without a stated shape, a choice names a specialty of this base (the roster's 第一志愿 column as before). */
const DEFAULT_SHAPE: ChoiceShape = { parts: 'specialty', source: '' };

export function choiceShape(presetId: string): ChoiceShape {
  return CHOICE_SHAPES[presetId] ?? DEFAULT_SHAPE;
}

const CHONGQING_ROUNDS_SOURCE =
  '委办〔2022〕38号 五（三）：“考核程序：分别按第一、二志愿及调剂录取分期进行。”（四）考核时间：“第一志愿：5 月 9 日-5 月 10 日；第二志愿：5 月 12 日-5 月 13 日。”';

const ROUNDS: Record<string, readonly ChoiceRound[]> = {
  'chongqing-2022-agp': [
    { order: 1, label: '第一志愿', dates: '5月9日—5月10日', source: CHONGQING_ROUNDS_SOURCE },
    { order: 2, label: '第二志愿', dates: '5月12日—5月13日', source: CHONGQING_ROUNDS_SOURCE },
    { order: 'adjustment', label: '调剂', dates: null, source: CHONGQING_ROUNDS_SOURCE },
  ],
};

/** The admission rounds the preset's source dates, in order; empty when it dates none. */
export function choiceRounds(presetId: string): readonly ChoiceRound[] {
  return ROUNDS[presetId] ?? [];
}

const ORDINALS = ['一', '二', '三', '四', '五'];

/** “第一志愿”, “第二志愿” … */
export function choiceLabel(order: number): string {
  return `第${ORDINALS[order - 1] ?? String(order)}志愿`;
}
