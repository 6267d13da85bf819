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
  },
};
