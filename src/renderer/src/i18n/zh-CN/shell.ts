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
  },
  nav: { label: '主导航', home: '首页', plan: '招收计划', base: '基地设置', users: '用户管理', audit: '审计日志' },
};
