export type FetchLike = (
  input: string,
  init?: { method?: string; headers?: Record<string, string>; signal?: AbortSignal },
) => Promise<Response>;

export type GetResult =
  | { kind: 'response'; status: number; contentType: string; json: unknown; isJson: boolean; retryAfterMs: number | null }
  | { kind: 'network-error'; message: string };

const MAX_BODY = 256 * 1024;

/**
 * GET with a timeout, reading at most 256 KiB of body (a captive portal may answer with anything) and
 * parsing it as JSON when it is JSON. Never throws, except when `signal` aborts.
 */
export async function getJson(
  url: string,
  fetchImpl: FetchLike,
  opts: { timeoutMs: number; signal?: AbortSignal },
): Promise<GetResult> {
  const timeout = AbortSignal.timeout(opts.timeoutMs);
  const signal = opts.signal ? AbortSignal.any([opts.signal, timeout]) : timeout;
  try {
    const res = await fetchImpl(url, { method: 'GET', headers: { accept: 'application/json' }, signal });
    const text = await readCapped(res);
    const contentType = res.headers.get('content-type') ?? '';
    let json: unknown;
    let isJson = false;
    if (text !== null && /json/i.test(contentType)) {
      try {
        json = JSON.parse(text);
        isJson = true;
      } catch {
        isJson = false;
      }
    }
    const ra = Number(res.headers.get('retry-after'));
    return {
      kind: 'response',
      status: res.status,
      contentType,
      json,
      isJson,
      retryAfterMs: Number.isFinite(ra) && ra > 0 ? ra * 1000 : null,
    };
  } catch (e) {
    if (opts.signal?.aborted) throw opts.signal.reason;
    return { kind: 'network-error', message: e instanceof Error ? e.message : String(e) };
  }
}

async function readCapped(res: Response): Promise<string | null> {
  if (!res.body) return '';
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let n = 0;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    n += value.byteLength;
    if (n > MAX_BODY) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export function joinUrl(endpoint: string, path: string): string {
  return `${endpoint.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}
