/** Mirrors the contract's user-name rule (src/shared/contract/system.ts) to say so before the round trip. */
export const USERNAME_PATTERN = /^[A-Za-z0-9_.\-\u4e00-\u9fa5]{2,32}$/;
