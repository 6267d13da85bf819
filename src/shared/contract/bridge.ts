import type { Result } from '../errors';
import type { OpName } from './index';

/**
 * What the preload exposes as `window.basedesk`: one named function per contract operation and nothing
 * else (no raw ipcRenderer, no "send any channel"). Inputs are untrusted and validated in the core.
 */
export type Bridge = { [K in OpName]: (input: unknown) => Promise<Result<unknown>> };
