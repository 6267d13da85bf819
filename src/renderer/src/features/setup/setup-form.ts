import { passwordProblem } from '../../../../shared/account-rules';
import { USERNAME_PATTERN } from '../users/username';

/** What the first-run wizard collects: the base, its province preset and the first administrator. */
export type SetupForm = {
  baseName: string;
  baseCode: string;
  cohortYear: number | string;
  presetId: string;
  username: string;
  displayName: string;
  password: string;
  confirm: string;
};

export type SetupErrors = Partial<Record<keyof SetupForm, string>>;
export type SetField = <K extends keyof SetupForm>(key: K, value: SetupForm[K]) => void;
type T = (key: string, options?: Record<string, unknown>) => string;

/** The limits setup.initialize enforces (src/shared/contract/system.ts). */
const BASE_NAME_MAX = 100;
const BASE_CODE_MAX = 32;
const DISPLAY_NAME_MAX = 50;
export const YEAR_MIN = 2000;
export const YEAR_MAX = 2100;

export function emptySetupForm(): SetupForm {
  return {
    baseName: '',
    baseCode: '',
    cohortYear: new Date().getFullYear(),
    presetId: '',
    username: 'admin',
    displayName: '',
    password: '',
    confirm: '',
  };
}

export function baseStepErrors(form: SetupForm, t: T): SetupErrors {
  const e: SetupErrors = {};
  const name = form.baseName.trim();
  if (name.length < 2) e.baseName = t('setup.baseNameRule');
  else if (name.length > BASE_NAME_MAX) e.baseName = t('setup.baseNameTooLong', { max: BASE_NAME_MAX, n: name.length });
  const code = form.baseCode.trim();
  if (!code) e.baseCode = t('setup.baseCodeRule');
  else if (code.length > BASE_CODE_MAX) e.baseCode = t('setup.baseCodeTooLong', { max: BASE_CODE_MAX, n: code.length });
  const y = Number(form.cohortYear);
  if (form.cohortYear === '' || !Number.isInteger(y) || y < YEAR_MIN || y > YEAR_MAX) {
    e.cohortYear = t('setup.cohortYearRange', { min: YEAR_MIN, max: YEAR_MAX, value: form.cohortYear });
  }
  return e;
}

export function adminStepErrors(form: SetupForm, t: T): SetupErrors {
  const e: SetupErrors = {};
  if (!USERNAME_PATTERN.test(form.username.trim())) e.username = t('users.usernameRule');
  const name = form.displayName.trim();
  if (!name) e.displayName = t('users.displayNameRule');
  else if (name.length > DISPLAY_NAME_MAX) e.displayName = t('setup.displayNameTooLong', { max: DISPLAY_NAME_MAX });
  // The core's own password rules (length as people count it, common passwords, repeats), in its words.
  const problem = passwordProblem(form.password);
  if (problem) e.password = problem;
  else if (form.confirm !== form.password) e.confirm = t('users.passwordMismatch');
  return e;
}

type TextKey = Exclude<keyof SetupForm, 'cohortYear'>;

/** A text field's value, change handler and error, bound to one key of the form. */
export function textBinding(form: SetupForm, errors: SetupErrors, set: SetField) {
  return (key: TextKey) => ({
    value: form[key],
    onChange: (e: { currentTarget: { value: string } }) => set(key, e.currentTarget.value),
    error: errors[key],
  });
}
