import type { windows as zh } from '../zh-CN/windows';

export const windows: typeof zh = {
  windows: {
    notInEffect: 'Preset dates, not in effect yet: once the coordinator confirms them, work outside a window needs a reason.',
    outside: 'Outside the window: give the reason in “Reason” (audited).',
    lateEffect: 'The notice says: “{{text}}” (a person decides whether it applies; nothing is applied automatically)',
    source: 'Source: {{source}}',
    reason: 'Reason for acting outside the window',
    reasonHint: 'Outside the set dates: a reason is required (audited)',
  },
};
