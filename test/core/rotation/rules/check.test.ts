import { describe, expect, it } from 'vitest';
import { checkPlans, type Block, type Department } from '../../../../src/core/rotation/rules';
import { dept, row, scheme, START, trainee } from './fixtures';

const b = (std: string, departmentId: string, from: number, to: number): Block => ({
  standardDepartment: std,
  departmentId,
  from: START + from,
  to: START + to,
  fixed: false,
});

const s = scheme(1, [row('A', 6), row('B', 6)]);
const depts: Department[] = [dept('dA', ['A'], 1), dept('dB', ['B'], 1)];
const codes = (plans: Array<[string, Block[]]>, trainees = plans.map(([id]) => trainee(id, s)), departments = depts) =>
  checkPlans({ trainees, plans: new Map(plans), departments }).map((v) => v.code);

describe('checkPlans', () => {
  it('accepts a valid plan', () => {
    expect(codes([['1', [b('A', 'dA', 0, 12), b('B', 'dB', 12, 24)]]])).toEqual([]);
  });

  it('finds a department over capacity, as one range with its worst load', () => {
    const v = checkPlans({
      trainees: [trainee('1', s), trainee('2', s)],
      plans: new Map([
        ['1', [b('A', 'dA', 0, 12), b('B', 'dB', 12, 24)]],
        ['2', [b('A', 'dA', 2, 14), b('B', 'dB', 14, 26)]],
      ]),
      departments: depts,
    }).filter((x) => x.code === 'CAPACITY_EXCEEDED');
    expect(v.map((x) => [x.departmentId, x.from - START, x.to - START])).toEqual([
      ['dA', 2, 12],
      ['dB', 14, 24],
    ]);
    expect(v[0]!.message).toBe('「dA科」在 2025年10月1日 至 2026年2月28日 最多有 2 名学员，容量 1');
  });

  it('counts occupied places from outside the run', () => {
    const occupied = new Map([['dA', new Map([[START + 3, 1]])]]);
    const v = checkPlans({
      trainees: [trainee('1', s)],
      plans: new Map([['1', [b('A', 'dA', 0, 12), b('B', 'dB', 12, 24)]]]),
      departments: depts,
      occupied,
    });
    expect(v.map((x) => [x.code, x.from - START, x.to - START])).toEqual([['CAPACITY_EXCEEDED', 3, 4]]);
  });

  it('finds overlaps, gaps and blocks during leave', () => {
    expect(codes([['1', [b('A', 'dA', 0, 12), b('B', 'dB', 10, 22)]]])).toEqual(['OVERLAP']);
    expect(codes([['1', [b('A', 'dA', 0, 12), b('B', 'dB', 14, 26)]]])).toEqual(['GAP']);
    // The same gap is leave: fine.
    expect(
      codes(
        [['1', [b('A', 'dA', 0, 12), b('B', 'dB', 14, 26)]]],
        [trainee('1', s, { leave: [{ from: START + 12, to: START + 14 }] })],
      ),
    ).toEqual([]);
    expect(
      codes(
        [['1', [b('A', 'dA', 0, 12), b('B', 'dB', 12, 24)]]],
        [trainee('1', s, { leave: [{ from: START + 20, to: START + 24 }] })],
      ),
    ).toEqual(['OVERLAP', 'MONTHS_SHORT', 'BLOCK_TOO_SHORT']);
  });

  it('finds months short or over, and rows not in the scheme', () => {
    expect(codes([['1', [b('A', 'dA', 0, 10), b('B', 'dB', 10, 24)]]])).toEqual([
      'MONTHS_SHORT',
      'MONTHS_OVER',
      'BLOCK_TOO_SHORT',
    ]);
    const v = checkPlans({
      trainees: [trainee('1', s)],
      plans: new Map([['1', [b('A', 'dA', 0, 12), b('B', 'dB', 12, 24), b('C', 'dC', 24, 26)]]]),
      departments: [...depts, dept('dC', ['C'], 1)],
    });
    expect(v.map((x) => x.code)).toEqual(['MONTHS_OVER']);
    expect(v[0]!.message).toContain('轮转方案中没有这个科室');
  });

  it('finds a block too short for a row that may not be split, but joins pieces around leave', () => {
    expect(codes([['1', [b('A', 'dA', 0, 6), b('B', 'dB', 6, 18), b('A', 'dA', 18, 24)]]])).toEqual([
      'BLOCK_TOO_SHORT',
      'BLOCK_TOO_SHORT',
    ]);
    const split = scheme(1, [row('A', 6, { splittable: true }), row('B', 6)]);
    expect(codes([['1', [b('A', 'dA', 0, 6), b('B', 'dB', 6, 18), b('A', 'dA', 18, 24)]]], [trainee('1', split)])).toEqual([]);
    const leave = [{ from: START + 4, to: START + 6 }];
    expect(codes([['1', [b('A', 'dA', 0, 4), b('A', 'dA', 6, 14), b('B', 'dB', 14, 26)]]], [trainee('1', s, { leave })])).toEqual(
      [],
    );
  });

  it('finds a department that does not teach the row, or does not exist', () => {
    expect(codes([['1', [b('A', 'dB', 0, 12), b('B', 'dB', 12, 24)]]])).toContain('WRONG_DEPARTMENT');
    expect(codes([['1', [b('A', 'dX', 0, 12), b('B', 'dB', 12, 24)]]])).toEqual(['WRONG_DEPARTMENT']);
  });

  it('checks stage years, counting leave', () => {
    const staged = scheme(2, [row('A', 12, { stage: 1 }), row('B', 12, { stage: 2 })]);
    const ok = [b('A', 'dA', 0, 24), b('B', 'dB', 24, 48)];
    expect(codes([['1', ok]], [trainee('1', staged)])).toEqual([]);
    const v = checkPlans({
      trainees: [trainee('1', staged)],
      plans: new Map([['1', [b('B', 'dB', 0, 24), b('A', 'dA', 24, 48)]]]),
      departments: depts,
    });
    expect(v.map((x) => x.code)).toEqual(['STAGE', 'STAGE']);
    expect(v[0]!.message).toContain('应在第2年轮转');
  });

  it('checks elective groups: whole rows adding up to the group', () => {
    const e = scheme(
      1,
      [
        row('A', 10),
        row('D', 1, { kind: 'elective', electiveGroup: 'E' }),
        row('F', 1, { kind: 'elective', electiveGroup: 'E' }),
        row('G', 2, { kind: 'elective', electiveGroup: 'E' }),
      ],
      {
        electiveGroups: [{ name: 'E', months: 2 }],
      },
    );
    const ds = [dept('dA', ['A'], 5), dept('dE', ['D', 'F', 'G'], 5)];
    const run = (blocks: Block[]) => codes([['1', blocks]], [trainee('1', e)], ds);
    expect(run([b('A', 'dA', 0, 20), b('G', 'dE', 20, 24)])).toEqual([]);
    expect(run([b('A', 'dA', 0, 20), b('D', 'dE', 20, 22), b('F', 'dE', 22, 24)])).toEqual([]);
    expect(run([b('A', 'dA', 0, 20), b('D', 'dE', 20, 22), b('G', 'dE', 22, 24)])).toEqual([
      'ELECTIVE_GROUP',
      'MONTHS_SHORT',
      'BLOCK_TOO_SHORT',
    ]);
  });

  it('checks 协同单位: at most 3 sites and 6 months', () => {
    const p = scheme(1, [row('A', 4), row('P', 2), row('Q', 2), row('R', 2), row('S', 2)]);
    const ds = [
      dept('dA', ['A'], 1),
      ...['P', 'Q', 'R', 'S'].map((x, k) => dept(`d${x}`, [x], 1, { site: `协同${k}`, siteType: 'partner' as const })),
    ];
    const blocks = [b('A', 'dA', 0, 8), b('P', 'dP', 8, 12), b('Q', 'dQ', 12, 16), b('R', 'dR', 16, 20), b('S', 'dS', 20, 24)];
    const v = checkPlans({ trainees: [trainee('1', p)], plans: new Map([['1', blocks]]), departments: ds });
    expect(v.map((x) => x.code)).toEqual(['PARTNER_LIMIT', 'PARTNER_LIMIT']);
    expect(v.map((x) => x.message).join('')).toContain('最多 3 个');
    // 基层 sites do not count.
    const primary = ds.map((d) => (d.id === 'dS' || d.id === 'dR' ? { ...d, siteType: 'primary' as const } : d));
    expect(checkPlans({ trainees: [trainee('1', p)], plans: new Map([['1', blocks]]), departments: primary })).toEqual([]);
  });

  it('reports a trainee with no plan', () => {
    expect(codes([['1', []]])).toEqual(['NO_SCHEME']);
  });
});
