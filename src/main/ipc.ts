import type { IpcMain } from 'electron';
import { dispatch } from '../core/api/dispatch';
import type { Core } from '../core/context';
import { ipcChannel, opNames } from '../shared/contract';

/**
 * One ipcMain handler per contract operation, derived from the contract. The session key is the sending
 * window, so a login in one window never authorizes another.
 */
export function registerIpcHandlers(ipcMain: IpcMain, core: Core, isTrustedSender: (frameUrl: string) => boolean): string[] {
  const channels: string[] = [];
  for (const name of opNames) {
    const channel = ipcChannel(name);
    ipcMain.handle(channel, async (event, input: unknown) => {
      const frameUrl = event.senderFrame?.url ?? '';
      if (!isTrustedSender(frameUrl)) {
        return { ok: false, error: { code: 'IPC_UNTRUSTED_SENDER', message: '拒绝来自非应用页面的调用。' } };
      }
      return dispatch(core, `ipc:${event.sender.id}`, name, input);
    });
    channels.push(channel);
  }
  return channels;
}
