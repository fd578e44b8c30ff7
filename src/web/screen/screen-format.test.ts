import { describe, expect, it } from "vitest";
import { todayInChina } from "../common/china-day.ts";
import { count, hoursMinutes, percent, shortName } from "./format.ts";
import { isPeriod, rangeOf } from "./period.ts";

const units = { hours: "小时", minutes: "分" };

describe("the screen's periods", () => {
  // 2026-12-31 20:30 UTC is already 1 January 2027 in China.
  const newYear = new Date("2026-12-31T20:30:00Z");
  const mid = new Date("2026-03-15T02:00:00Z");

  it("count days in China time, whatever the browser's zone", () => {
    expect(todayInChina(newYear)).toBe("2027-01-01");
    expect(rangeOf("year", newYear)).toEqual({ from: "2027-01-01", to: "2027-01-01" });
    expect(rangeOf("month", newYear)).toEqual({ from: "2027-01-01", to: "2027-01-01" });
  });

  it("include today in the last 7 and 30 days, across month ends", () => {
    expect(rangeOf("last7", mid)).toEqual({ from: "2026-03-09", to: "2026-03-15" });
    expect(rangeOf("last30", mid)).toEqual({ from: "2026-02-14", to: "2026-03-15" });
    expect(rangeOf("month", mid)).toEqual({ from: "2026-03-01", to: "2026-03-15" });
    expect(rangeOf("year", mid)).toEqual({ from: "2026-01-01", to: "2026-03-15" });
  });

  it("accept only the four the switch offers", () => {
    expect(isPeriod("last7")).toBe(true);
    expect(isPeriod("forever")).toBe(false);
    expect(isPeriod(null)).toBe(false);
  });
});

describe("the screen's numbers", () => {
  it("show durations in hours and minutes", () => {
    expect(hoursMinutes(986, units)).toEqual([
      { value: "16", unit: "小时" },
      { value: "26", unit: "分" },
    ]);
    expect(hoursMinutes(16, units)).toEqual([{ value: "16", unit: "分" }]);
    expect(hoursMinutes(120, units)).toEqual([{ value: "2", unit: "小时" }]);
    expect(hoursMinutes(null, units)).toEqual([{ value: "—", unit: "" }]);
  });

  it("show rates as percentages, and nothing rated as a dash", () => {
    expect(percent(0.9534)).toBe("95.3");
    expect(percent(1)).toBe("100.0");
    expect(percent(null)).toBe("—");
  });

  it("group thousands only in English", () => {
    expect(count(19988, "zh-CN")).toBe("19988");
    expect(count(19988, "en")).toBe("19,988");
  });

  it("drop the parent's name from a grid's label", () => {
    expect(shortName("红旗社区第3网格", "红旗社区")).toBe("第3网格");
    expect(shortName("东门社区", "兴安区")).toBe("东门社区");
    expect(shortName("红旗社区", "红旗社区")).toBe("红旗社区");
  });
});
