import type { TFunction } from "i18next";
import { describe, expect, it } from "vitest";
import { en } from "../../../../shared/locales/en.ts";
import { zhCN } from "../../../../shared/locales/zh-CN.ts";
import {
  lastDayOf,
  lastFinished,
  notBegun,
  periodOfReport,
  periodParam,
  periodRange,
  reportName,
} from "./report-period.ts";

// The strings of one language with their placeholders filled, as i18next would.
const translator = (strings: object) =>
  ((key: string, values: Record<string, unknown> = {}) => {
    const text = key
      .split(".")
      .reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], strings);
    return String(text).replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name]));
  }) as unknown as TFunction;
const zh = translator(zhCN);

const november = {
  kind: "monthly" as const,
  subjectName: "红旗社区",
  periodStart: "2026-11-01",
  periodEnd: "2026-12-01",
};
const q4 = {
  kind: "quarterly" as const,
  subjectName: "城管局",
  periodStart: "2026-10-01",
  periodEnd: "2027-01-01",
};

describe("a report's name and period", () => {
  it("reads as the community, the month or quarter and the kind", () => {
    expect(reportName(zh, november)).toBe("红旗社区 2026年11月 月报");
    expect(reportName(zh, q4)).toBe("城管局 2026年第四季度 季报");
    expect(reportName(translator(en), q4)).toBe("城管局 · Q4 2026 quarterly report");
  });

  it("ends on the day before the first day after it, leap years and year ends included", () => {
    expect(periodRange(zh, november)).toBe("2026-11-01 至 2026-11-30");
    expect(periodRange(zh, q4)).toBe("2026-10-01 至 2026-12-31");
    expect(lastDayOf("2028-03-01")).toBe("2028-02-29");
    expect(lastDayOf("2027-03-01")).toBe("2027-02-28");
  });
});

describe("the period asked for", () => {
  it("is written as the API takes it", () => {
    expect(periodParam("monthly", { year: 2026, month: 3 })).toBe("2026-03");
    expect(periodParam("quarterly", { year: 2026, month: 11 })).toBe("2026-Q4");
    expect(periodParam("quarterly", { year: 2026, month: 1 })).toBe("2026-Q1");
    // A listed report made again: the same period it covers.
    expect(periodOfReport(november)).toBe("2026-11");
    expect(periodOfReport(q4)).toBe("2026-Q4");
  });

  it("starts as the last finished month or quarter, across a new year", () => {
    expect(lastFinished("monthly", "2026-12-06")).toEqual({ year: 2026, month: 11 });
    expect(lastFinished("monthly", "2027-01-01")).toEqual({ year: 2026, month: 12 });
    expect(lastFinished("quarterly", "2026-12-06")).toEqual({ year: 2026, month: 7 });
    expect(lastFinished("quarterly", "2027-02-15")).toEqual({ year: 2026, month: 10 });
  });

  it("may be this month or quarter, never one that has not begun", () => {
    expect(notBegun("monthly", { year: 2026, month: 12 }, "2026-12-06")).toBe(false);
    expect(notBegun("monthly", { year: 2027, month: 1 }, "2026-12-31")).toBe(true);
    // Any month of the running quarter stands for it.
    expect(notBegun("quarterly", { year: 2026, month: 12 }, "2026-10-02")).toBe(false);
    expect(notBegun("quarterly", { year: 2027, month: 1 }, "2026-12-31")).toBe(true);
  });
});
