/**
 * Every contract operation's handler. The mapped type makes a missing handler a compile error.
 * Feature issues add their `xxxHandlers` here (one line each).
 */
import type { OpName } from '../../shared/contract';
import { admissionHandlers } from '../admission-service/handlers';
import { applicantsHandlers } from '../applicants/handlers';
import { auditHandlers } from '../audit/handlers';
import { outboxHandlers } from '../outbox/handlers';
import { baseHandlers } from '../plan/handlers';
import { scoresHandlers } from '../scores/handlers';
import { systemHandlers } from '../system/handlers';
import type { Handler } from './handler';

export const handlers: { [K in OpName]: Handler<K> } = {
  ...systemHandlers,
  ...baseHandlers,
  ...auditHandlers,
  ...applicantsHandlers,
  ...admissionHandlers,
  ...scoresHandlers,
  ...outboxHandlers,
};
