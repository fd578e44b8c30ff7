import type { noticesZhCN } from "./notices.zh-CN.ts";
import type { Same } from "./same.ts";

export const noticesEn: Same<typeof noticesZhCN> = {
  title: "Messages",
  bell: "Notifications",
  unread: "{{count}} unread",
  readAll: "Mark all read",
  empty: "No messages",
  failed: "Messages could not be loaded; try again later",
  viewAll: "All messages",
  loadMore: "Load more",
  newNotice: "New message",
  justNow: "just now",
  minutesAgo: "{{count}} min ago",
  hoursAgo: "{{count}} h ago",
  sms: {
    label: "SMS reminders",
    hint: "Also send my messages to my phone by SMS",
    on: "SMS reminders on",
    off: "SMS reminders off",
    failed: "Not saved; try again later",
  },
};
