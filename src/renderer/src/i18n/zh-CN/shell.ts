export const shell = {
  shell: {
    unreachableTitle: '无法连接到 BaseDesk 核心服务',
    themeLight: '切换到浅色模式',
    themeDark: '切换到深色模式',
    language: '界面语言',
    languages: { 'zh-CN': '简体中文', en: 'English' },
    userMenu: '用户菜单',
    signedInAs: '已登录：{{username}}',
    offlineNote: '离线工作：数据只保存在本机',
    forbiddenTitle: '没有权限',
    forbiddenText: '当前角色不能使用此页面。如需使用，请联系管理员调整角色。',
    pageFailedTitle: '此页面出错了',
    pageFailedText:
      '页面显示时出错，其他页面不受影响，已保存的数据也没有变化。请点“重试”；如仍出错，请切换到其他页面后再回来，或重新启动程序。',
  },
  nav: {
    label: '主导航',
    home: '首页',
    plan: '招收计划',
    base: '基地设置',
    users: '用户管理',
    audit: '审计日志',
    groups: {
      intake: '招收与现场确认',
      exams: '考核与录取',
      training: '在培与轮转',
      completion: '结业考核',
      submission: '报送',
      system: '系统',
    },
  },
};
