// Preloaded into Electron's own installer (`node --import`): its downloader calls the global fetch with no time
// limit, so a blocked or silent download host would hold `npm start` for minutes before the browser fallback.
// Here the wait for a response and any stall in the body are bounded, and failures get a readable reason.
const RESPONSE_TIMEOUT_MS = 6_000;
const STALL_TIMEOUT_MS = 30_000;

const realFetch = globalThis.fetch;
let announced = false;

function hostOf(input) {
  try {
    return new URL(input instanceof Request ? input.url : String(input)).host;
  } catch {
    return String(input);
  }
}

/** Re-emits the body chunk by chunk, aborting the download when no data arrives for a while. */
function watchForStalls(response, controller, host) {
  const stalled = () => controller.abort(new Error(`${host} 的下载中断（${STALL_TIMEOUT_MS / 1000} 秒没有收到数据）`));
  const timer = setTimeout(stalled, STALL_TIMEOUT_MS);
  const body = response.body.pipeThrough(
    new TransformStream({
      transform(chunk, out) {
        timer.refresh();
        out.enqueue(chunk);
      },
      flush() {
        clearTimeout(timer);
      },
    }),
  );
  return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
}

globalThis.fetch = async (input, init = {}) => {
  const host = hostOf(input);
  const controller = new AbortController();
  const signal = init.signal ? AbortSignal.any([init.signal, controller.signal]) : controller.signal;
  const timer = setTimeout(() => controller.abort(), RESPONSE_TIMEOUT_MS);
  let response;
  try {
    response = await realFetch(input, { ...init, signal });
  } catch (e) {
    const cause = e?.cause?.code ?? e?.cause?.message ?? e?.message;
    throw new Error(
      controller.signal.aborted ? `${host} 在 ${RESPONSE_TIMEOUT_MS / 1000} 秒内没有响应` : `无法连接 ${host}（${cause}）`,
    );
  } finally {
    clearTimeout(timer);
  }
  if (!response.ok || !response.body) return response;
  if (!announced) {
    announced = true;
    process.stdout.write('正在下载 Electron（仅首次，约 100 MB）…\n');
  }
  return watchForStalls(response, controller, host);
};
