/**
 * The clean case of cell-safety's check, answered without a regular expression: a roster import checks every
 * mapped cell of every row, and one regex call per cell was a tenth of validating a clean 10,000-row roster.
 */
import { MAX_FIELD_LENGTH } from '../tabular/cell-safety';

/**
 * True when `cellTextProblem` has nothing to say about the text: short enough, and none of the characters it
 * refuses (C0 and C1 controls other than tab, newline and carriage return; the bidirectional marks,
 * embeddings, overrides and isolates; the zero-width characters and U+FEFF). A false answer only means
 * "ask cellTextProblem", which names the problem. A test keeps the two in agreement for every UTF-16 unit.
 */
export function isPlainCellText(text: string): boolean {
  if (text.length > MAX_FIELD_LENGTH) return false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20) {
      if (c !== 0x09 && c !== 0x0a && c !== 0x0d) return false;
    } else if (c >= 0x7f) {
      if (c <= 0x9f || c === 0x061c || c === 0xfeff || isHiddenFormat(c)) return false;
    }
  }
  return true;
}

/** U+200B-200F (zero width, LRM, RLM), U+202A-202E (embeddings, overrides), U+2060, U+2066-2069 (isolates). */
function isHiddenFormat(c: number): boolean {
  if (c < 0x200b || c > 0x2069) return false;
  return c <= 0x200f || (c >= 0x202a && c <= 0x202e) || c === 0x2060 || c >= 0x2066;
}
