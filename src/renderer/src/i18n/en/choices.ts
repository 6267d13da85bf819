import type { Messages } from '../zh-CN';

export const choices: Pick<Messages, 'choices'> = {
  choices: {
    round: 'Choice here',
    roundOf: 'Choice {{n}}',
    roundNone: 'Not applied here',
    assigned: 'Assigned',
    assignedFrom: 'Assigned by {{by}} (applied to: {{from}})',
    byCity: 'the city health commission',
    byProvince: 'the provincial health commission',
    unknownBase: 'another base',
    others: 'Other choices',
    priority: '{{category}} first at equal totals',
  },
};

/** Audit-log names of the actions this part writes. */
export const choiceAuditActions: Record<string, string> = {
  'applicant.record-assigned': 'Recorded a person assigned here by the province or city',
};
