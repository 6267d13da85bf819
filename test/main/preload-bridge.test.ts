import { describe, expect, it, vi } from 'vitest';
import { ipcChannel, opNames } from '../../src/shared/contract';

const exposed: Record<string, unknown> = {};
const invoked: Array<[string, unknown]> = [];
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => (exposed[key] = value) },
  ipcRenderer: { invoke: async (channel: string, input: unknown) => (invoked.push([channel, input]), { ok: true, value: null }) },
}));

describe('preload bridge', () => {
  it('exposes exactly one named function per contract operation, each on its own channel, and nothing else', async () => {
    await import('../../src/preload/index');
    expect(Object.keys(exposed)).toEqual(['basedesk']);
    const bridge = exposed.basedesk as Record<string, (input: unknown) => Promise<unknown>>;
    expect(Object.keys(bridge).sort()).toEqual([...opNames].sort());
    expect(Object.values(bridge).every((f) => typeof f === 'function')).toBe(true);
    await bridge['plan.show']!({ cohortYear: 2024 });
    expect(invoked).toEqual([[ipcChannel('plan.show'), { cohortYear: 2024 }]]);
    expect('invoke' in bridge || 'send' in bridge || 'ipcRenderer' in bridge).toBe(false);
  });
});
