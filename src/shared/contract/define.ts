import { z } from 'zod';
import type { Permission } from '../permissions';

/** Who may call an operation. Checked in the core for every call, whatever the transport. */
export type Access =
  | { kind: 'public' } // before login: status, first-run setup, login
  | { kind: 'authenticated' }
  | { kind: 'permission'; permission: Permission };

export type OpDef<I extends z.ZodType = z.ZodType, O = unknown> = {
  input: I;
  access: Access;
  summary: string;
  /** Marker for the result type only; never set at runtime. */
  readonly __result?: O;
};

/** `op<Result>()({ input, access, summary })`: curried so the result type is explicit and the input inferred. */
export function op<O>() {
  return <I extends z.ZodType>(def: { input: I; access: Access; summary: string }): OpDef<I, O> => def;
}

export const PUBLIC: Access = { kind: 'public' };
export const AUTHENTICATED: Access = { kind: 'authenticated' };
export function perm(permission: Permission): Access {
  return { kind: 'permission', permission };
}

/** A file sent over the contract: its name and bytes as base64 (the renderer has no file system). */
export const FileInput = z.object({
  fileName: z.string().min(1).max(255),
  contentBase64: z.string(),
});
