import { maskIdNumber } from '../../shared/mask';
import { STATUS_LABEL } from '../rotation/status';
import type { PlanStatus } from '../rotation/tables';
import { loadWorld, schemeFor } from '../rotation/world';
import { emptyKind, htmlTable, type Collected, type PackageKindDef } from './kind-types';
import { deterministicXlsx } from './xlsx';

const APPROVED: PlanStatus[] = ['base_approved', 'submitted', 'province_confirmed', 'in_progress'];

/**
 * Approved rotation plans (轮转计划) of the cohort: one record per trainee and one per block. Reduced-year
 * trainees' plans go to the province for confirmation (seed 002, 八(二)); the records carry full ID numbers
 * like every other kind (the package is the one place full values travel), the printable form masks them.
 */
export const rotationPlansKind: PackageKindDef = {
  kind: 'rotation-plans',
  label: '轮转计划',
  schemaVersion: 1,
  requiredTables: ['rotation_plans', 'rotation_blocks', 'departments', 'trainees'],
  async collect(tx, _core, ctx): Promise<Collected> {
    const world = await loadWorld(tx);
    const plansById = new Map(
      (await tx.selectFrom('rotation_plans').selectAll().where('status', 'in', APPROVED).orderBy('trainee_id').execute()).map(
        (p) => [p.trainee_id, p],
      ),
    );
    const trainees = world.trainees.filter((t) => t.cohortYear === ctx.cohortYear && plansById.has(t.id));
    if (trainees.length === 0) throw emptyKind(this, `${ctx.cohortYear} 级已审核通过的轮转计划`);
    const plans = trainees.map((t) => {
      const p = plansById.get(t.id)!;
      return {
        traineeId: t.id,
        name: t.name,
        idNumber: t.idNumber,
        program: t.program,
        specialtyCode: t.specialtyCode,
        cohortYear: t.cohortYear,
        years: t.years,
        mustServe: t.mustServe,
        status: p.status,
        approvedAt: p.approved_at,
        approvedBy: p.approved_by,
        changedAfterApproval: p.changed_after_approval === 1,
        changeReason: p.change_reason,
        endFlag: p.end_flag,
        example: schemeFor(world, t)?.scheme.example ?? false,
      };
    });
    const blocks = trainees.flatMap((t) =>
      (world.blocks.get(t.id) ?? []).map((b, i) => {
        const d = world.departmentById.get(b.department_id);
        return {
          traineeId: t.id,
          seq: i + 1,
          department: d?.name ?? b.department_id,
          standardDepartment: b.standard_department,
          site: d?.site ?? null,
          siteType: d?.siteType ?? 'base',
          start: b.start_date,
          end: b.end_date,
          months: (b.to - b.from) / 2,
          exitExamResult: b.exit_exam_result,
          exitExamDate: b.exit_exam_date,
          retakeOf: b.retake_of,
        };
      }),
    );
    const byId = new Map(plans.map((p) => [p.traineeId, p]));
    const example = plans.some((p) => p.example);
    const table = await deterministicXlsx(
      '轮转计划',
      [
        { header: '姓名', value: (b: (typeof blocks)[number]) => byId.get(b.traineeId)!.name },
        { header: '证件号码', width: 22, value: (b) => byId.get(b.traineeId)!.idNumber },
        { header: '专业代码', value: (b) => byId.get(b.traineeId)!.specialtyCode },
        { header: '序号', width: 6, value: (b) => b.seq },
        { header: '轮转科室', width: 18, value: (b) => b.department },
        { header: '标准科室', width: 18, value: (b) => b.standardDepartment },
        { header: '院区或协同单位', width: 18, value: (b) => b.site ?? '本院' },
        { header: '开始日期', value: (b) => b.start },
        { header: '结束日期', value: (b) => b.end },
        { header: '月数', width: 6, value: (b) => b.months },
        { header: '示例', width: 6, value: (b) => (byId.get(b.traineeId)!.example ? '示例' : '') },
      ],
      blocks,
      ctx.day,
    );
    const form = htmlTable(
      `${ctx.baseName} ${ctx.cohortYear} 级轮转计划${example ? '（示例方案）' : ''}`,
      `基地代码 ${ctx.baseCode}；打包日期 ${ctx.baggingDate}；共 ${plans.length} 人${example ? '；示例：所用轮转方案为随软件提供的示例，未经核实' : ''}`,
      ['姓名', '证件号码', '专业代码', '状态', '轮转科室', '开始日期', '结束日期', '月数'],
      blocks.map((b) => {
        const p = byId.get(b.traineeId)!;
        return [
          p.name,
          maskIdNumber(p.idNumber),
          p.specialtyCode,
          STATUS_LABEL[p.status],
          b.department,
          b.start,
          b.end,
          b.months,
        ];
      }),
    );
    return {
      records: { plans, blocks },
      tables: [{ name: 'rotation-plans', bytes: table }],
      forms: [{ name: 'rotation-plans', html: form }],
    };
  },
};
