import { AppError } from '../../shared/errors';
import { PresetSchema, type Preset } from '../../shared/preset';
import beijing2023 from '../../../resources/presets/beijing-2023.json';
import chongqing2022Agp from '../../../resources/presets/chongqing-2022-agp.json';
import fujian2024Agp from '../../../resources/presets/fujian-2024-agp.json';
import jilin2024 from '../../../resources/presets/jilin-2024.json';

// Static imports (not a folder scan) so the bundled app and the CLI see the same presets.
const RAW: unknown[] = [jilin2024, beijing2023, chongqing2022Agp, fujian2024Agp];

export const PRESETS: readonly Preset[] = RAW.map((p) => PresetSchema.parse(p));

export function getPreset(id: string): Preset {
  const p = PRESETS.find((x) => x.id === id);
  if (!p) {
    throw new AppError('PRESET_UNKNOWN', `没有这个省份政策预设：${id}。可选：${PRESETS.map((x) => x.id).join('、')}`, {
      presetId: id,
    });
  }
  return p;
}
