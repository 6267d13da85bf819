import type { Messages } from '../zh-CN';
import { audit } from './audit';
import { base } from './base';
import { common } from './common';
import { plan } from './plan';
import { screens } from './screens';

/** Typed against the Chinese source: a missing or extra key is a compile error. */
export const en: Messages = { ...common, ...screens, ...base, ...plan, ...audit };
