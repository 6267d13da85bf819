import { getJson, joinUrl, type FetchLike } from './http-get';

export type EndpointState = 'online' | 'offline' | 'not-intake';

export const INTAKE_SERVICE = 'basedesk-intake';

/**
 * Is the intake reachable? 'not-intake' covers captive portals and wrong addresses: something answered,
 * but not `{"service":"basedesk-intake"}` on GET {endpoint}/health.
 */
export async function probeEndpoint(
  endpoint: string,
  fetchImpl: FetchLike = globalThis.fetch as FetchLike,
  opts: { timeoutMs?: number; signal?: AbortSignal } = {},
): Promise<EndpointState> {
  const r = await getJson(joinUrl(endpoint, 'health'), fetchImpl, {
    timeoutMs: opts.timeoutMs ?? 5000,
    ...(opts.signal ? { signal: opts.signal } : {}),
  });
  if (r.kind === 'network-error') return 'offline';
  if (r.status !== 200 || !r.isJson) return 'not-intake';
  const body = r.json as { service?: unknown } | null;
  return body !== null && typeof body === 'object' && body.service === INTAKE_SERVICE ? 'online' : 'not-intake';
}
