import { z } from 'zod';
import { op, perm } from './define';

export type AuditEventView = {
  id: string;
  stationId: string;
  seq: number;
  hlc: string;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entityId: string;
  before: unknown;
  after: unknown;
  reason: string | null;
};

export type AuditVerifyView = {
  ok: boolean;
  stations: Array<{ stationId: string; events: number; headSeq: number | null }>;
  problems: Array<{ code: string; stationId: string; seq: number; eventId: string | null; message: string }>;
};

export const auditOps = {
  'audit.list': op<{
    total: number;
    events: AuditEventView[];
    actors: string[];
    actorNames: Record<string, string>;
    entities: string[];
    actions: string[];
  }>()({
    input: z.strictObject({
      actor: z.string().optional(),
      entity: z.string().optional(),
      entityId: z.string().optional(),
      action: z.string().optional(),
      from: z.string().optional(),
      to: z.string().optional(),
      limit: z.number().int().min(1).max(500).default(100),
      offset: z.number().int().min(0).default(0),
    }),
    access: perm('audit.view'),
    summary: '审计日志查询',
  }),
  'audit.verify': op<AuditVerifyView>()({
    input: z.strictObject({}),
    access: perm('audit.verify'),
    summary: '校验审计日志哈希链',
  }),
};
