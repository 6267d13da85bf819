export const common = {
  app: { title: '住培基地离线工作台' },
  common: {
    done: '操作成功',
    failed: '操作未完成',
    loading: '正在加载…',
    loadFailed: '加载失败',
    retry: '重试',
    cancel: '取消',
    save: '保存',
    reset: '还原',
    back: '上一步',
    next: '下一步',
    actions: '操作',
    readOnly: '当前角色只能查看，不能修改。',
    nothingFound: '没有匹配项',
    close: '关闭',
    togglePassword: '显示或隐藏密码',
    print: '打印',
  },
  // The problem table every import shows.
  importProblems: { row: '行号', person: '姓名 / 证件号码', field: '列', message: '说明' },
  // Appended to an error notification when the core's message cannot know what to do next.
  errorHints: {
    TRANSPORT_OFFLINE: '请确认 BaseDesk 仍在运行（命令行窗口未关闭），然后重试。',
    DB_BUSY: '请关闭其他正在使用此数据目录的程序后重试。',
    HTTP_TOKEN: '请重新打开 basedesk serve 打印的完整地址。',
  } as Record<string, string>,
  roles: { admin: '管理员', clerk: '教秘', interviewer: '面试官', coordinator: '住培办' },
  programs: { residency: '住院医师规范化培训', agp: '助理全科医生培训' },
};
