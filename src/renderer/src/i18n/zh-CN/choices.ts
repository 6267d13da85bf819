export const choices = {
  choices: {
    round: '本基地志愿',
    roundOf: '第{{n}}志愿',
    roundNone: '未报本基地',
    assigned: '调剂人员',
    assignedFrom: '{{by}}调剂（原报考：{{from}}）',
    byCity: '市卫生健康委',
    byProvince: '省卫生健康委',
    unknownBase: '其他基地',
    others: '其他志愿',
    priority: '同等条件下{{category}}优先录取',
  },
};

/** Audit-log names of the actions this part writes. */
export const choiceAuditActions = {
  'applicant.record-assigned': '登记省（市）调剂到本基地的人员',
};
