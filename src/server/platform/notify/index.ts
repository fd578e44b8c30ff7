export { type Notice, notify } from "./notify.ts";
export { notifications } from "./tables.ts";
