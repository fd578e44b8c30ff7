export { defineNotifyJobs, SMS_JOB, sendPendingSms } from "./jobs.ts";
export { type Notice, notify } from "./notify.ts";
export { notifyRoutes } from "./routes.ts";
export { FakeSmsSender, LogSmsSender, type SmsSender, smsSenderFor, WebhookSmsSender } from "./sms.ts";
export { notifications } from "./tables.ts";
