const NEEDS_NORMALIZING = /[\s\uFF01-\uFF5E]/;

/**
 * Normalise text typed by people: trim, full-width ASCII (U+FF01-FF5E) to half-width, ideographic and other
 * Unicode spaces to a plain space, and runs of whitespace collapsed to one space.
 */
export function normalizeText(s: string): string {
  // Fast path: most cells (names, ID and phone numbers, codes) have no whitespace and no full-width forms, and
  // a roster import normalises every cell of every row more than once.
  if (!NEEDS_NORMALIZING.test(s)) return s;
  return toHalfWidth(s).replace(/\s+/g, ' ').trim();
}

/** Full-width ASCII (U+FF01-FF5E) to half-width and U+3000 to a space; nothing else changes. */
export function toHalfWidth(s: string): string {
  // Fast path: most cells are plain ASCII or CJK without full-width forms.
  if (!/[\uFF01-\uFF5E\u3000]/.test(s)) return s;
  return s.replace(/[\uFF01-\uFF5E\u3000]/g, (ch) => {
    const code = ch.charCodeAt(0);
    return code === 0x3000 ? ' ' : String.fromCharCode(code - 0xfee0);
  });
}

/**
 * Key for comparing column headers: normalised, no whitespace at all, required-field markers ('*') and a
 * trailing colon removed, so '* 证件 号码：' and '证件号码' compare equal.
 */
export function normalizeHeader(s: string): string {
  return normalizeText(s)
    .replace(/\s+/g, '')
    .replace(/^\*+/, '')
    .replace(/[*:]+$/, '');
}
