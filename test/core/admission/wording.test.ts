/** Admission notices name specialties as people know them (麻醉科), not by catalogue code (1900). */
import { describe, expect, it } from 'vitest';
import { ok, setupBase } from '../../helpers/core';
import { seedApplicants, setPlan } from './seed';

describe('admission notices in words', () => {
  it('names the ignored extra choices by specialty name', async () => {
    const { core, session } = await setupBase('jilin-2024');
    await setPlan(core, session, [['0100', null, 2]]);
    await seedApplicants(core, [{ key: 'A', choices: ['0100', '1900'], total: 90 }]);
    const run = await ok(core, session, 'admission.run', {});
    const beyond = run.warnings.find((w) => w.code === 'CHOICE_BEYOND_ROUNDS');
    expect(beyond?.message).toContain('多出的志愿（「麻醉科」）');
    expect(beyond?.message).not.toContain('1900');
  });
});
