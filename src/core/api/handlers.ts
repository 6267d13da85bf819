/**
 * Every contract operation's handler. The mapped type makes a missing handler a compile error.
 * Each feature adds its `xxxHandlers` here (one line each).
 */
import type { OpName } from '../../shared/contract';
import { admissionHandlers } from '../admission/handlers';
import { applicantsHandlers } from '../applicants/handlers';
import { paperFormHandlers } from '../applicants/paper-form-handlers';
import { auditHandlers } from '../audit/handlers';
import { outboxHandlers } from '../outbox/handlers';
import { authHandlers } from '../auth/handlers';
import { baseHandlers } from '../base/handlers';
import { catalogueHandlers } from '../catalogue/handlers';
import { examHandlers } from '../exam/handlers';
import { windowsHandlers } from '../windows/handlers';
import { planHandlers } from '../plan/handlers';
import { rotationHandlers } from '../rotation/handlers';
import { usersHandlers } from '../users/handlers';
import { scoresHandlers } from '../scores/handlers';
import { systemHandlers } from '../system/handlers';
import { traineesHandlers } from '../trainees/handlers';
import { retentionHandlers } from '../retention/handlers';
import { reductionHandlers } from '../reduction/handlers';
import { scoresPlatformHandlers } from '../scores/platform-export';
import type { Handler } from './handler';

export const handlers: { [K in OpName]: Handler<K> } = {
  ...systemHandlers,
  ...authHandlers,
  ...usersHandlers,
  ...baseHandlers,
  ...catalogueHandlers,
  ...planHandlers,
  ...auditHandlers,
  ...applicantsHandlers,
  ...paperFormHandlers,
  ...admissionHandlers,
  ...scoresHandlers,
  ...outboxHandlers,
  ...traineesHandlers,
  ...rotationHandlers,
  ...examHandlers,
  ...retentionHandlers,
  ...windowsHandlers,
  ...reductionHandlers,
  ...scoresPlatformHandlers,
};
