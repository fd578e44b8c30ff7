export { type JobHandler, Queue, type QueueOptions, type SendOptions } from "./queue.ts";
