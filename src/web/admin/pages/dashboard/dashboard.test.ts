import type { TFunction } from "i18next";
import { describe, expect, it } from "vitest";
import { zhCN } from "../../../../shared/locales/zh-CN.ts";
import { todayInChina } from "../../../common/china-day.ts";
import { clockText, minutesText, percentText } from "./format.ts";
import { presetRange } from "./period.ts";

// The zh-CN strings with their placeholders filled, as i18next would.
const t = ((key: string, values: Record<string, unknown> = {}) => {
  const text = key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], zhCN);
  return String(text).replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name]));
}) as unknown as TFunction;

describe("the dashboard's periods", () => {
  // 2026-12-31 20:30 UTC is already 1 January 2027 in China.
  const newYear = new Date("2026-12-31T20:30:00Z");
  const may = new Date("2026-05-15T02:00:00Z");

  it("count days in China time, whatever the browser's zone", () => {
    expect(todayInChina(newYear)).toBe("2027-01-01");
    expect(presetRange("thisYear", newYear)).toEqual({ from: "2027-01-01", to: "2027-01-01" });
    expect(presetRange("lastMonth", newYear)).toEqual({ from: "2026-12-01", to: "2026-12-31" });
  });

  it("offer the recent days, this month, last month, this quarter and this year", () => {
    expect(presetRange("last7", may)).toEqual({ from: "2026-05-09", to: "2026-05-15" });
    expect(presetRange("last30", may)).toEqual({ from: "2026-04-16", to: "2026-05-15" });
    expect(presetRange("thisMonth", may)).toEqual({ from: "2026-05-01", to: "2026-05-15" });
    expect(presetRange("lastMonth", may)).toEqual({ from: "2026-04-01", to: "2026-04-30" });
    expect(presetRange("thisQuarter", may)).toEqual({ from: "2026-04-01", to: "2026-05-15" });
    expect(presetRange("lastMonth", new Date("2028-03-10T04:00:00Z"))).toEqual({
      from: "2028-02-01",
      to: "2028-02-29",
    });
  });
});

describe("the dashboard's figures", () => {
  it("show durations in two units at most", () => {
    expect(minutesText(t, 13)).toBe("13分钟");
    expect(minutesText(t, 99)).toBe("1小时39分");
    expect(minutesText(t, 120)).toBe("2小时");
    expect(minutesText(t, 1035)).toBe("17小时15分");
    expect(minutesText(t, 4608)).toBe("3天5小时");
    expect(minutesText(t, 2 * 1440 + 1430)).toBe("3天");
    expect(minutesText(t, null)).toBe("—");
  });

  it("show rates as percentages, and nothing rated as a dash", () => {
    expect(percentText(t, "zh-CN", 0.9412)).toBe("94.1%");
    expect(percentText(t, "zh-CN", 1)).toBe("100%");
    expect(percentText(t, "zh-CN", null)).toBe("—");
  });

  it("give the time of the last refresh, with the day when it was not today", () => {
    const now = new Date(2026, 11, 6, 12, 30);
    expect(clockText(new Date(2026, 11, 6, 12, 3).toISOString(), now)).toBe("12:03");
    expect(clockText(new Date(2026, 11, 5, 9, 0).toISOString(), now)).toBe("12-05 09:00");
  });
});
