import type { Messages } from '../zh-CN';
import { applicants } from './applicants';
import { lists } from './lists';
import { admission } from './admission';
import { audit } from './audit';
import { base } from './base';
import { common } from './common';
import { exam } from './exam';
import { outbox } from './outbox';
import { plan } from './plan';
import { rotation } from './rotation';
import { scores } from './scores';
import { screens } from './screens';
import { trainees } from './trainees';

/** Typed against the Chinese source: a missing or extra key is a compile error. */
export const en: Messages = {
  ...common,
  ...screens,
  ...base,
  ...plan,
  ...audit,
  ...applicants,
  ...lists,
  ...admission,
  ...scores,
  ...outbox,
  ...trainees,
  ...rotation,
  ...exam,
};
