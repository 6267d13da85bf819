/** Outcome of checking one value: the normalised value, or a stable code and a specific Chinese message. */
export type Checked<T, C extends string = string> = { ok: true; value: T } | { ok: false; code: C; message: string };

export function ok<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}

export function fail<C extends string>(code: C, message: string): { ok: false; code: C; message: string } {
  return { ok: false, code, message };
}
