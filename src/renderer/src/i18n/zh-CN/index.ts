import { applicants } from './applicants';
import { paperForm } from './paper-form';
import { lists } from './lists';
import { admission } from './admission';
import { audit } from './audit';
import { auth } from './auth';
import { base } from './base';
import { common } from './common';
import { dateFields } from './date-fields';
import { errorMessages } from './errors';
import { exam } from './exam';
import { home } from './home';
import { outbox } from './outbox';
import { plan } from './plan';
import { rotation } from './rotation';
import { scores } from './scores';
import { setup } from './setup';
import { shell } from './shell';
import { trainees } from './trainees';
import { reduction } from './reduction';
import { windows } from './windows';
import { choices } from './choices';
import { users } from './users';
import { retention } from './retention';

/** Chinese is the source language: every key exists here first; other languages must mirror this shape. */
export const zhCN = {
  ...common,
  ...errorMessages,
  ...dateFields,
  ...shell,
  ...auth,
  ...setup,
  ...home,
  ...base,
  ...plan,
  ...users,
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

type Shape<T> = {
  [K in keyof T]: T[K] extends string ? string : string extends keyof T[K] ? Record<string, string> : Shape<T[K]>;
};
export type Messages = Shape<typeof zhCN>;
