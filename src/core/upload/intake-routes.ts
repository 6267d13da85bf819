import type { IncomingMessage, ServerResponse } from 'node:http';
import type { IntakeState } from './intake-process';
import { INTAKE_SERVICE } from './probe';

/** The tus server's one entry point the routes need. */
type TusHandler = { handle(req: IncomingMessage, res: ServerResponse): Promise<void> };

/** Routes one request: tus uploads under /files, then GET /health and GET /receipts/{uuid}. */
export async function routeRequest(s: IntakeState, tus: TusHandler, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://intake.invalid');
  if (url.pathname === '/files' || url.pathname.startsWith('/files/')) {
    await tus.handle(req, res);
    return;
  }
  if (req.method !== 'GET') return json(res, 405, { code: 'METHOD_NOT_ALLOWED' });
  if (url.pathname === '/health') return json(res, 200, { service: INTAKE_SERVICE, version: 1 });
  const m = /^\/receipts\/([^/]+)$/.exec(url.pathname);
  if (!m) return json(res, 404, { code: 'NOT_FOUND' });
  serveReceipt(s, res, decodeURIComponent(m[1]!), url.searchParams.get('sha512'));
}

/** 200 with the receipt, 202 while the package is being checked, 404 (with why) otherwise. */
function serveReceipt(s: IntakeState, res: ServerResponse, uuid: string, shaParam: string | null): void {
  const sha = shaParam?.toLowerCase() ?? s.index.data.packages[uuid]?.sha512;
  if (!sha) return json(res, 404, { code: 'RECEIPT_NOT_FOUND', message: '没有该数据包的回执。' });
  const receipt = s.index.receipt(uuid, sha);
  if (receipt) return json(res, 200, receipt);
  if (s.processing.has(`${uuid}:${sha}`)) {
    res.setHeader('retry-after', '1');
    return json(res, 202, { status: 'processing', uuid, sha512: sha });
  }
  if (s.hashMismatch.has(`${uuid}:${sha}`)) {
    return json(res, 404, { code: 'UPLOAD_HASH_MISMATCH', message: '收到的文件与声明的 SHA-512 不一致。' });
  }
  return json(res, 404, { code: 'RECEIPT_NOT_FOUND', message: '没有该数据包的回执。' });
}

export function json(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
  });
  res.end(text);
}
