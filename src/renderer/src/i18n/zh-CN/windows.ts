export const windows = {
  windows: {
    notInEffect: '预置日期，尚未启用：住培办核对后启用，启用后窗口之外办理须填写原因。',
    outside: '当前不在时间窗口内：办理须在“原因”中写明（记入审计）。',
    lateEffect: '通知原文：“{{text}}”（是否适用由经办人判断，系统不自动处理）',
    source: '依据：{{source}}',
    reason: '窗口之外办理的原因',
    reasonHint: '已超出或未到规定时间，须写明原因（记入审计）',
  },
};
