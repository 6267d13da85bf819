export type { Cell, CellType, ReadLimits, Sheet, Table, TextEncodingName } from './types';
export { DEFAULT_LIMITS } from './types';
export { readTable } from './read-table';
export { findHeaderRow } from './header';
export type { HeaderMatch } from './header';
export { normalizeHeader, normalizeText, toHalfWidth } from './normalize';
export { decodeText, detectDelimiter, parseDelimited } from './csv';
