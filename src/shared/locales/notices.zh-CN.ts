/** 消息: the bell in the admin header, the phone's 消息 tab and the 短信提醒 switch. */
export const noticesZhCN = {
  title: "消息",
  bell: "消息提醒",
  unread: "{{count}} 条未读",
  readAll: "全部已读",
  empty: "暂无消息",
  failed: "消息加载失败，请稍后重试",
  viewAll: "查看全部消息",
  loadMore: "加载更多",
  newNotice: "新消息",
  justNow: "刚刚",
  minutesAgo: "{{count}} 分钟前",
  hoursAgo: "{{count}} 小时前",
  sms: {
    label: "短信提醒",
    hint: "除站内消息外，同时以短信发送到您的手机",
    on: "已开启短信提醒",
    off: "已关闭短信提醒",
    failed: "设置未保存，请稍后重试",
  },
} as const;
