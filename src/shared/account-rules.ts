import { COMMON_PASSWORDS } from './common-passwords';

/** Account rules shared by the core (which enforces them) and the renderer (which says so before a round trip). */
export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 128;
export const USERNAME_PATTERN = /^[A-Za-z0-9_.\-\u4e00-\u9fa5]{2,32}$/;

/**
 * Length as people count it on screen: a Chinese (full-width) character counts as two, since one of a few
 * thousand common characters carries about as much as two letters or digits do.
 */
export function passwordLength(password: string): number {
  let n = 0;
  for (const ch of password) n += /[\u3000-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]/u.test(ch) ? 2 : 1;
  return n;
}

/**
 * Rules for new passwords (login passwords and the signing-key passphrase): long enough to matter, not one
 * of the passwords people pick first (alone or with digits or symbols added), not one or two characters
 * repeated. Short enough to type at a busy confirmation desk. Existing passwords keep working.
 */
export function passwordProblem(password: string): string | null {
  if (passwordLength(password) < MIN_PASSWORD_LENGTH) {
    return `密码至少 ${MIN_PASSWORD_LENGTH} 位（一个汉字算 2 位）。可以用几个词加数字组成，例如“门诊 三楼 2024”。`;
  }
  if (password.length > MAX_PASSWORD_LENGTH) return `密码不能超过 ${MAX_PASSWORD_LENGTH} 位。`;
  if (new Set(password).size <= 2) return '密码不能只由一两个字符重复组成（如 aaaaaaaaaa、1212121212）。';
  if (isCommonPassword(password)) return '这是最常见的密码之一（或只在其后加了数字、符号），很容易被猜到。请换一个。';
  if (isRepeatedUnit(password)) return '密码不能是一小段或一个常见词的重复（如 abcabcabcabc、passwordpassword）。请换一个。';
  if (isCharacterRun(password)) return '密码不能是按字母或数字顺序排列的一串（如 abcdefghij）。请换一个。';
  return null;
}

/** The whole password is one unit repeated, and that unit alone would be refused (too short or common). */
function isRepeatedUnit(password: string): boolean {
  const lower = password.normalize('NFKC').toLowerCase();
  for (let size = 1; size <= lower.length / 2; size++) {
    if (lower.length % size !== 0) continue;
    const unit = lower.slice(0, size);
    if (unit.repeat(lower.length / size) !== lower) continue;
    return passwordLength(unit) < MIN_PASSWORD_LENGTH || isCommonPassword(unit);
  }
  return false;
}

/** Letters or digits one after another in code order, up or down (abcdefghij, zyxwvutsrq). */
function isCharacterRun(password: string): boolean {
  const lower = password.normalize('NFKC').toLowerCase();
  if (!/^[a-z0-9]+$/.test(lower)) return false;
  const step = lower.charCodeAt(1) - lower.charCodeAt(0);
  if (Math.abs(step) !== 1) return false;
  for (let i = 2; i < lower.length; i++) if (lower.charCodeAt(i) - lower.charCodeAt(i - 1) !== step) return false;
  return true;
}

/** ASCII digits, spaces and symbols: what people tack onto a word to pass a rule. */
const PADDING = /^[\d\s!-/:-@[-`{-~]+|[\d\s!-/:-@[-`{-~]+$/g;

function isCommonPassword(password: string): boolean {
  const lower = password.normalize('NFKC').toLowerCase().trim();
  if (COMMON_PASSWORDS.has(lower)) return true;
  // "password2024!", "123woaini": a listed word with digits or symbols added is guessed just as fast.
  const core = lower.replace(PADDING, '');
  if (core !== '' && COMMON_PASSWORDS.has(core)) return true;
  return core === '' && isDigitRun(lower);
}

/** Digits only, stepping by at most one: 1234567890, 0987654321, 1122334455. */
function isDigitRun(text: string): boolean {
  const digits = text.replace(/\D/g, '');
  if (digits.length < text.length - 1) return false;
  let steps = 0;
  for (let i = 1; i < digits.length; i++) {
    const d = Math.abs(digits.charCodeAt(i) - digits.charCodeAt(i - 1));
    if (d <= 1 || d === 9) steps++;
  }
  return steps >= digits.length - 2;
}
