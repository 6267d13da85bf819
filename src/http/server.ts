import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { networkInterfaces } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { dispatch } from '../core/api/dispatch';
import { MAX_IMPORT_BYTES } from '../core/applicants/import';
import type { Core } from '../core/context';
import { AppError } from '../shared/errors';

export type HttpServerOptions = {
  core: Core;
  /** The built renderer (out/renderer); null serves the API only. */
  rendererDir: string | null;
  host?: string;
  /**
   * Listening on anything but loopback exposes the API (behind the token) to the local network: refused
   * unless allowed here (`basedesk serve --allow-lan`). Over plain HTTP, the token and every answer then
   * cross the network readable to anyone on it.
   */
  allowLan?: boolean;
  port?: number;
  /** Per-run secret; generated when absent. */
  token?: string;
  /** Largest accepted request body (imports carry files as base64). Default: the largest file, in base64, plus 1 MiB. */
  maxBodyBytes?: number;
};

/** A file of the largest size any operation takes, as base64 inside the JSON call, with room for the envelope. */
export const DEFAULT_MAX_BODY_BYTES = Math.ceil(MAX_IMPORT_BYTES / 3) * 4 + 1024 * 1024;

export function isLoopbackHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}

/** Host headers a browser sends for this server: loopback names, and the machine's addresses on a LAN bind. */
function allowedHostNames(host: string): string[] {
  const names = ['127.0.0.1', 'localhost', '[::1]', host.includes(':') ? `[${host}]` : host];
  if (host === '0.0.0.0' || host === '::') {
    for (const list of Object.values(networkInterfaces())) {
      for (const a of list ?? []) names.push(a.family === 'IPv6' ? `[${a.address}]` : a.address);
    }
  }
  return names.map((n) => n.toLowerCase());
}

function decodePath(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

function badUrl(res: ServerResponse): void {
  sendJson(res, 400, { ok: false, error: { code: 'HTTP_BAD_URL', message: '请求地址中的百分号编码（%xx）无效。' } });
}

export type RunningServer = { url: string; origin: string; token: string; close(): Promise<void> };

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
};

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const data = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(data);
}

function tokenMatches(given: string | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

async function readBody(req: IncomingMessage, max: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > max) throw Object.assign(new Error('too large'), { tooLarge: true });
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * The local HTTP transport: the same contract as Electron IPC, for driving the real renderer in a browser
 * (end-to-end tests, `basedesk serve`). Loopback only by default; every API call needs the per-run token;
 * the Host header is checked so a web page elsewhere cannot reach it through DNS rebinding.
 */
export async function startHttpServer(options: HttpServerOptions): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  if (!isLoopbackHost(host) && !options.allowLan) {
    throw new AppError(
      'HTTP_HOST_NOT_LOOPBACK',
      `拒绝在 ${host} 上监听：这会让局域网内的其他电脑访问本机数据（HTTP 明文传输）。只在本机使用请去掉 --host；确需局域网访问时加 --allow-lan。`,
    );
  }
  const token = options.token ?? randomBytes(24).toString('base64url');
  const maxBody = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const hostNames = allowedHostNames(host);
  const rendererDir = options.rendererDir ? resolve(options.rendererDir) : null;
  let port = options.port ?? 0;

  const server = createServer((req, res) => {
    void handle(req, res).catch((e: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'INTERNAL', message: String(e) } });
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const hostHeader = (req.headers.host ?? '').toLowerCase();
    if (!hostNames.some((n) => hostHeader === `${n}:${port}`)) {
      sendJson(res, 421, { ok: false, error: { code: 'HTTP_BAD_HOST', message: '拒绝访问：主机名不符。' } });
      return;
    }
    const url = new URL(req.url ?? '/', `http://${hostHeader}`);
    const pathname = decodePath(url.pathname);
    if (pathname === null) return badUrl(res);
    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') {
        sendJson(res, 405, { ok: false, error: { code: 'HTTP_METHOD', message: 'API 只接受 POST。' } });
        return;
      }
      if (!tokenMatches(req.headers['x-basedesk-token'] as string | undefined, token)) {
        sendJson(res, 401, {
          ok: false,
          error: { code: 'HTTP_TOKEN', message: '访问令牌无效：请使用 basedesk serve 打印的完整地址打开。' },
        });
        return;
      }
      let input: unknown;
      try {
        const body = await readBody(req, maxBody);
        input = body ? JSON.parse(body) : {};
      } catch (e) {
        const tooLarge = (e as { tooLarge?: boolean }).tooLarge;
        // The rest of an oversized body is not read: close the connection rather than drain it.
        if (tooLarge) res.setHeader('connection', 'close');
        sendJson(res, tooLarge ? 413 : 400, {
          ok: false,
          error: tooLarge
            ? { code: 'FILE_TOO_LARGE', message: `请求过大（上限 ${Math.round(maxBody / 1024 / 1024)} MB）。` }
            : { code: 'HTTP_BAD_JSON', message: '请求不是有效的 JSON。' },
        });
        return;
      }
      const sessionKey = `http:${String(req.headers['x-basedesk-session'] ?? 'anonymous').slice(0, 64)}`;
      const result = await dispatch(options.core, sessionKey, pathname.slice(5), input);
      sendJson(res, 200, result);
      return;
    }
    serveStatic(pathname, res);
  }

  /** `pathname` is already percent-decoded. */
  function serveStatic(pathname: string, res: ServerResponse): void {
    if (!rendererDir) {
      res.writeHead(404).end();
      return;
    }
    const rel = normalize(pathname).replace(/^([/\\])+/, '');
    let file = resolve(join(rendererDir, rel || 'index.html'));
    if (!file.startsWith(rendererDir + sep) && file !== rendererDir) {
      res.writeHead(403).end();
      return;
    }
    if (!existsSync(file) || statSync(file).isDirectory()) file = join(rendererDir, 'index.html'); // SPA fallback
    if (!existsSync(file)) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('界面尚未构建：请先运行 npm run build。');
      return;
    }
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-cache',
      // The page's own meta CSP cannot forbid framing; the header can.
      ...(extname(file) === '.html' ? { 'content-security-policy': "frame-ancestors 'none'", 'x-frame-options': 'DENY' } : {}),
    });
    createReadStream(file).pipe(res);
  }

  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => ok());
  });
  port = (server.address() as AddressInfo).port;
  const origin = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  return {
    url: `${origin}/?token=${token}`,
    origin,
    token,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
