/**
 * Coded errors. The code is a stable identifier for scripts and the API; the message is for people and
 * is written in Chinese first (the UI may translate by code). Details carry what a UI needs to point at
 * the problem (file, row, field...) and must be JSON-serialisable, because errors cross IPC and HTTP.
 */
export type ErrorDetails = Record<string, unknown>;

export type ApiError = { code: string; message: string; details?: ErrorDetails };

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export class AppError extends Error {
  readonly code: string;
  readonly details?: ErrorDetails;

  constructor(code: string, message: string, details?: ErrorDetails) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    if (details !== undefined) this.details = details;
  }

  toApiError(): ApiError {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}

/**
 * The values a translated error text names ({{fileName}}, {{row}}…), taken from the error's details; null when
 * any is missing, so the caller uses the plain text instead of showing "{{row}}" or an empty gap.
 */
export function detailParams(template: string, details: ErrorDetails | undefined): Record<string, string | number> | null {
  const params: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(details ?? {})) {
    if (typeof v === 'string' || typeof v === 'number') params[k] = v;
  }
  const names = [...template.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!);
  return names.every((n) => params[n] !== undefined) ? params : null;
}
