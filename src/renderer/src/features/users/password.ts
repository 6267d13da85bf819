/** Mirrors the core's rule (src/core/auth/password.ts) so the form can say so before the round trip. */
export const MIN_PASSWORD_LENGTH = 8;
export const MAX_PASSWORD_LENGTH = 128;
