/**
 * Every contract operation's handler. The mapped type makes a missing handler a compile error.
 * Feature issues add their `xxxHandlers` here (one line each).
 */
import type { OpName } from '../../shared/contract';
import { auditHandlers } from '../audit/handlers';
import { baseHandlers } from '../plan/handlers';
import { systemHandlers } from '../system/handlers';
import type { Handler } from './handler';

export const handlers: { [K in OpName]: Handler<K> } = {
  ...systemHandlers,
  ...baseHandlers,
  ...auditHandlers,
};
