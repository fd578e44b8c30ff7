import { chinaDay } from "../../../platform/xlsx/index.ts";

/** This year in China: walls and the assessment run by calendar year. */
export const thisYear = (now = new Date()) => Number(chinaDay(now).slice(0, 4));
