import { describe, expect, it } from 'vitest';
import { roster } from '../../../../src/core/rotation/rules';
import { dept, START, trainee, scheme, row } from './fixtures';

describe('roster', () => {
  it('gives department × month load, ratio, trainee-months and who is there', () => {
    const s = scheme(1, [row('A', 12)]);
    const b = (from: number, to: number) => ({
      standardDepartment: 'A',
      departmentId: 'dA',
      from: START + from,
      to: START + to,
      fixed: false,
    });
    const r = roster({
      trainees: [trainee('1', s), trainee('2', s, { leave: [{ from: START + 1, to: START + 2 }] })],
      plans: new Map([
        ['1', [b(0, 3)]],
        ['2', [b(0, 1), b(2, 4)]],
      ]),
      departments: [dept('dA', ['A'], 2), dept('dB', ['B'], 1)],
      occupied: new Map([['dB', new Map([[START + 3, 1]])]]),
      from: START,
      to: START + 4,
    });
    expect(r.months).toEqual(['2025-09', '2025-10']);
    expect(r.rows[0]!.cells).toEqual([
      { peak: 2, ratio: 1, traineeMonths: 1.5, trainees: ['学员1', '学员2'] },
      { peak: 2, ratio: 1, traineeMonths: 1.5, trainees: ['学员1', '学员2'] },
    ]);
    expect(r.rows[1]!.cells.map((c) => c.peak)).toEqual([0, 1]);
  });
});
