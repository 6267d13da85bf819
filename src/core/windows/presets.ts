/** The windows shipped for each preset's own year, with the sentence each comes from. */
import beijing2023 from '../../../resources/recruitment-windows/beijing-2023.json';
import chongqing2022 from '../../../resources/recruitment-windows/chongqing-2022.json';
import jilin2024 from '../../../resources/recruitment-windows/jilin-2024.json';
import { RecruitmentWindowsSchema, type RecruitmentWindows } from '../../shared/contract/windows';

// Static imports (not a folder scan) so the bundled app and the CLI see the same windows.
export const WINDOW_PRESETS: readonly RecruitmentWindows[] = [jilin2024, chongqing2022, beijing2023].map((w) =>
  RecruitmentWindowsSchema.parse(w),
);

export function windowPresetFor(province: string, year: number): RecruitmentWindows | undefined {
  return WINDOW_PRESETS.find((w) => w.province === province && w.year === year);
}
