/**
 * Display masking for identity numbers and phones (PIPL / GB/T 45574-2025: lists show masked values by
 * default). Shared by the renderer and the core, so no Node imports. Masking is for display only: it is not
 * a privacy transform for exports.
 */

const SPACE = /\s/;

/**
 * Stored values have no spaces; testing first skips the replace's new string, which a ranking of 20,000 people
 * made 20,000 times (three quarters of its masking time).
 */
function withoutSpaces(v: string): string {
  return SPACE.test(v) ? v.replace(/\s+/g, '') : v;
}

/**
 * 18-character numbers (resident ID, residence permit, 2023 permanent-residence ID) keep the first 6 and last
 * 4: 11010519491231002X -> 110105********002X. Other documents keep the first 2 and last 2. Values of 4
 * characters or fewer are masked entirely, since keeping 4 would reveal all of it.
 */
export function maskIdNumber(id: string): string {
  const v = withoutSpaces(id);
  if (v.length === 18) return v.slice(0, 6) + '********' + v.slice(14);
  if (v.length <= 4) return '*'.repeat(v.length);
  return v.slice(0, 2) + '*'.repeat(v.length - 4) + v.slice(-2);
}

/** 13812341234 -> 138****1234; other lengths keep the first 3 and last 4 when that still hides something. */
export function maskPhone(phone: string): string {
  const v = withoutSpaces(phone);
  if (v.length >= 8) return v.slice(0, 3) + '*'.repeat(v.length - 7) + v.slice(-4);
  if (v.length <= 2) return '*'.repeat(v.length);
  return '*'.repeat(v.length - 2) + v.slice(-2);
}
