export const dateFields = {
  dateFields: {
    datePlaceholder: '例如 2026-12-01',
    dateInvalid: '请按“年-月-日”填写有效日期，例如 2026-12-01',
    timePlaceholder: '例如 09:30',
    timeInvalid: '请按 24 小时制“时:分”填写，例如 09:30',
  },
};
