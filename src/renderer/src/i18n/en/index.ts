import type { Messages } from '../zh-CN';
import { applicants } from './applicants';
import { paperForm } from './paper-form';
import { lists } from './lists';
import { admission } from './admission';
import { audit } from './audit';
import { base } from './base';
import { common } from './common';
import { dateFields } from './date-fields';
import { errorMessages } from './errors';
import { exam } from './exam';
import { outbox } from './outbox';
import { plan } from './plan';
import { rotation } from './rotation';
import { scores } from './scores';
import { screens } from './screens';
import { trainees } from './trainees';
import { reduction } from './reduction';
import { windows } from './windows';
import { choices } from './choices';
import { retention } from './retention';

/** Typed against the Chinese source: a missing or extra key is a compile error. */
export const en: Messages = {
  ...common,
  ...errorMessages,
  ...dateFields,
  ...screens,
  ...base,
  ...plan,
  ...audit,
  ...applicants,
  ...paperForm,
  ...lists,
  ...admission,
  ...scores,
  ...outbox,
  ...trainees,
  ...reduction,
  ...windows,
  ...choices,
  ...rotation,
  ...exam,
  ...retention,
};
