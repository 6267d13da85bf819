export type { Checked } from './result';
export { DOC_TYPES, normalizeDocType } from './doc-type';
export type { DocType } from './doc-type';
export {
  idBirthDate,
  idCheckChar,
  idSex,
  normalizeIdInput,
  validateIdCell,
  validateIdNumber,
} from './id-number';
export type { IdCheckOptions, IdCode } from './id-number';
export { validatePhone } from './phone';
export type { PhoneCode } from './phone';
export { excelSerialToDate, isRealDate, parseDate, parseYearMonth } from './date';
export type { DateCode } from './date';
export { pinyinInitials } from './pinyin';
export { maskIdNumber, maskPhone } from '../../shared/mask';
