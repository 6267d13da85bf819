/**
 * The API contract: every operation declared once (name, zod input schema, result type, who may call it).
 * IPC handlers, the preload bridge, the HTTP transport, the CLI and the renderer client are derived from it.
 * Each feature adds its `xxxOps` object here (one line each), and its op namespace to op-loaders.ts, which the
 * dispatcher uses to load only the namespace of the op being called.
 */
import type { z } from 'zod';
import { applicantsOps } from './applicants';
import { paperFormOps } from './paper-form';
import { admissionOps } from './admission';
import { auditOps } from './audit';
import { authOps } from './auth';
import { baseOps } from './base';
import { catalogueOps } from './catalogue';
import { examOps } from './exam';
import { planOps } from './plan';
import { usersOps } from './users';
import { scoresOps } from './scores';
import type { OpDef } from './define';
import { outboxOps } from './outbox';
import { rotationOps } from './rotation';
import { systemOps } from './system';
import { traineesOps } from './trainees';
import { windowsOps } from './windows';
import { retentionOps } from './retention';
import { reductionOps } from './reduction';
import { scoresPlatformOps } from './scores-platform';
import './zod-locale';

export const contract = {
  ...systemOps,
  ...authOps,
  ...usersOps,
  ...baseOps,
  ...catalogueOps,
  ...planOps,
  ...auditOps,
  ...scoresOps,
  ...applicantsOps,
  ...paperFormOps,
  ...admissionOps,
  ...outboxOps,
  ...traineesOps,
  ...rotationOps,
  ...examOps,
  ...windowsOps,
  ...retentionOps,
  ...reductionOps,
  ...scoresPlatformOps,
};

export type Contract = typeof contract;
export type OpName = keyof Contract;
export type OpInput<K extends OpName> = z.input<Contract[K]['input']>;
export type OpParsed<K extends OpName> = z.output<Contract[K]['input']>;
export type OpResult<K extends OpName> = Contract[K] extends OpDef<z.ZodType, infer O> ? O : never;

export const opNames = Object.keys(contract) as OpName[];

export function isOpName(name: string): name is OpName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

/** IPC channel per operation: one handler each, so main can refuse anything not in the contract. */
export function ipcChannel(name: OpName): string {
  return `basedesk:${name}`;
}

export type { OpDef } from './define';
