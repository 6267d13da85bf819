export const home = {
  home: {
    welcome: '{{name}}，您好',
    cohortShort: '{{year}} 年度',
    clockSkew: '本机时钟比审计日志记录的时间慢约 {{minutes}} 分钟，请校准系统时间。',
    baseInfo: '基地信息',
    station: '本工作站',
    stationId: '工作站 ID',
    appVersion: '程序版本',
    schemaVersion: '数据库版本',
    dataDir: '数据目录',
    shortcuts: '常用功能',
    due: {
      title: '接下来要做的事',
      nothing: '目前没有待办事项。',
      plan: '招收计划还是空的：导入省里下发的招收计划',
      desk: '现场确认：还有 {{count}} 人待确认',
      ties: '择优录取：{{count}} 处末位同分等待决定',
      outbox: '报送：{{count}} 个数据包尚未送达',
    },
  },
};
