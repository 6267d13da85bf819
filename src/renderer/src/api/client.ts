import type { OpInput, OpName, OpResult } from '../../../shared/contract';
import type { Bridge } from '../../../shared/contract/bridge';
import type { Result } from '../../../shared/errors';

/** How a call reaches the core: Electron IPC through the preload bridge, or the local HTTP transport. */
export type Transport = (name: OpName, input: unknown) => Promise<Result<unknown>>;

export type Api = { [K in OpName]: (input?: OpInput<K>) => Promise<Result<OpResult<K>>> };

/**
 * One function per operation name, made on first use. The contract's op list is not imported: it would bring
 * every zod schema into the renderer, which never validates (the core does, on every call). An unknown name
 * is refused by the core like any other call. `then` stays undefined so the client is never taken for a promise.
 */
export function createApi(transport: Transport): Api {
  const calls = new Map<string, (input?: unknown) => Promise<Result<unknown>>>();
  const callFor = (name: string) => {
    let fn = calls.get(name);
    if (!fn) calls.set(name, (fn = (input?: unknown) => transport(name as OpName, input ?? {})));
    return fn;
  };
  return new Proxy({} as Api, {
    get: (_target, name) => (typeof name === 'string' && name !== 'then' ? callFor(name) : undefined),
  });
}

declare global {
  // Declaration merging onto the DOM's Window needs an interface.
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  interface Window {
    basedesk?: Bridge;
  }
}

function ipcTransport(bridge: Bridge): Transport {
  return (name, input) => bridge[name](input);
}

/**
 * The HTTP transport (used by `basedesk serve` and the end-to-end tests): the per-run token arrives once in
 * the URL, moves to sessionStorage and leaves the address bar; each tab has its own session key.
 */
function httpTransport(): Transport {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem('basedesk.token', fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(null, '', url.toString());
  }
  const token = sessionStorage.getItem('basedesk.token') ?? '';
  let sessionKey = sessionStorage.getItem('basedesk.session');
  if (!sessionKey) {
    sessionKey = crypto.randomUUID();
    sessionStorage.setItem('basedesk.session', sessionKey);
  }
  const key = sessionKey;
  return async (name, input) => {
    try {
      const res = await fetch(`/api/${name}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-basedesk-token': token, 'x-basedesk-session': key },
        body: JSON.stringify(input),
      });
      return (await res.json()) as Result<unknown>;
    } catch (e) {
      return { ok: false, error: { code: 'TRANSPORT_OFFLINE', message: `无法连接到 BaseDesk 服务：${String(e)}` } };
    }
  };
}

export const api: Api = createApi(window.basedesk ? ipcTransport(window.basedesk) : httpTransport());
