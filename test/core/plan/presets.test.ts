/**
 * The province presets as data: settings a source gives carry its sentence; settings no source gives are
 * marked 示例 wherever the preset is shown (its name and notes, and the notice built from `examples`).
 */
import { describe, expect, it } from 'vitest';
import { presetExampleNotice } from '../../../src/shared/preset';
import { allPresets, getPreset } from '../../../src/core/presets';
import { ok, setupBase } from '../../helpers/core';

describe('presets', () => {
  it('Fujian (seed 004, a completion-exam notice) marks its recruitment settings as examples', () => {
    const fj = getPreset('fujian-2024-agp');
    expect(fj.examples).toEqual(['choices', 'adjustment', 'categories', 'exam']);
    expect(fj.name).toContain('示例');
    expect(fj.notes).toContain('均为示例，原文未规定');
    expect(presetExampleNotice(fj)).toBe(
      '示例：志愿数、调剂、人员类型、考核科目与权重为示例设置，原文未规定，请按本基地方案修改。',
    );
  });

  it('Beijing’s 50/50 weights are marked as an example (“可根据专业特点调整……权重”); Jilin’s 60/40 is sourced', () => {
    expect(getPreset('beijing-2023').examples).toEqual(['exam']);
    expect(presetExampleNotice(getPreset('jilin-2024'))).toBeNull();
  });

  it('every admission policy a preset states cites its sentence', () => {
    for (const p of allPresets()) {
      const sources = [
        p.adjustmentBy?.source,
        ...(p.adjustmentLimits ?? []).map((l) => l.source),
        ...(p.admissionPriorities ?? []).map((x) => x.source),
        p.secondWindow?.excludedSpecialties ? p.secondWindow.source : undefined,
      ].filter((x) => x !== undefined);
      for (const s of sources) expect(s, p.id).toMatch(/“[^”]{6,}”/);
    }
  });

  it('Jilin (seed 002 附件3/附件4: 助理全科医生培训) ships a 助理全科 specialty in the catalogue', async () => {
    const { core, session } = await setupBase('jilin-2024');
    const list = await ok(core, session, 'catalogue.list', {});
    expect(list.find((s) => s.name === '助理全科')).toMatchObject({ local: true, active: true });
  });

  it('Jilin’s contract deadline is for 社会人 only (“做好面向社会人员的招收工作……报到后两周内依法与其签订劳动合同”)', () => {
    expect(getPreset('jilin-2024')).toMatchObject({ contractDeadlineDays: 14, contractDeadlineCategories: ['社会人'] });
    expect(getPreset('beijing-2023').contractDeadlineCategories).toBeUndefined();
  });
});
