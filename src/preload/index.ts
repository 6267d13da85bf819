import { contextBridge, ipcRenderer } from 'electron';
import { ipcChannel, opNames } from '../shared/contract';
import type { Bridge } from '../shared/contract/bridge';

// One named function per contract operation, each bound to its own channel. No generic invoke, no
// ipcRenderer, no process.env: the renderer gets exactly the API and nothing else.
const bridge = Object.fromEntries(
  opNames.map((name) => [name, (input: unknown) => ipcRenderer.invoke(ipcChannel(name), input)]),
) as Bridge satisfies Bridge;

contextBridge.exposeInMainWorld('basedesk', bridge);
