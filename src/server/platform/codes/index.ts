export { chinaDay, nextDailyCode } from "./codes.ts";
