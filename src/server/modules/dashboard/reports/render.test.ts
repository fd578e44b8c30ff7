import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { trendChart } from "./charts.ts";
import type { ReportData } from "./data.ts";
import { reportPdf } from "./pdf.ts";
import { reportXlsx } from "./xlsx.ts";

// poppler-utils (pdftotext, pdfimages, pdfinfo): .ci/run installs it when missing.
const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), "report-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const GRIDS = [
  "阳光花园",
  "朝阳里",
  "幸福家园",
  "翠柳苑",
  "和平巷",
  "东湖小区",
  "锦绣华庭",
  "桂花园",
  "新华北里",
];
const CATEGORIES = [
  ["环境卫生", 46],
  ["物业管理", 38],
  ["噪音扰民", 27],
  ["违章停车", 22],
  ["道路破损", 17],
  ["供暖供水", 15],
  ["绿化养护", 11],
  ["违法建设", 9],
  ["邻里纠纷", 7],
  ["养老服务", 5],
  ["充电设施", 3],
  ["其他", 2],
] as const;
const DEPARTMENTS = [
  ["区城管执法局", 14, 13, 1, 38, 4.6],
  ["区住房和城乡建设委员会", 9, 9, 0, 52, 4.8],
  ["区生态环境局", 6, 5, 1, 75, 4.2],
  ["区交通支队", 4, 4, 0, 41, null],
  ["区市场监督管理局", 2, 1, 1, null, null],
] as const;

/** 阳光社区's November: nine grids, twelve categories, thirty days, five departments whistled. */
function november(): ReportData {
  const trend = Array.from({ length: 30 }, (_, i) => {
    const cases = 4 + ((i * 7) % 5) + (i % 7 === 5 ? 3 : 0);
    const rated = Math.max(0, cases - 2);
    return {
      period: `2026-11-${String(i + 1).padStart(2, "0")}`,
      cases,
      closed: cases - (i % 3 === 0 ? 1 : 0),
      rated,
      satisfied: rated - (i % 4 === 0 ? 1 : 0),
    };
  });
  return {
    kind: "monthly",
    subjectType: "community",
    subjectName: "阳光社区",
    periodLabel: "2026年11月",
    from: "2026-11-01",
    to: "2026-12-01",
    generatedAt: new Date("2026-12-01T00:30:00Z"),
    summary: [
      { label: "受理诉求", value: "202" },
      { label: "办结", value: "191" },
      { label: "办结率", value: "94.6%" },
      { label: "按时办结率", value: "88.1%" },
      { label: "满意率", value: "92.3%" },
      { label: "当前超期", value: "3" },
      { label: "吹哨报到", value: "35" },
      { label: "平均办理用时", value: "2.4 天" },
    ],
    trend,
    byCategory: CATEGORIES.map(([name, n]) => ({ name, n })),
    byStatus: [
      { name: "已办结", n: 191 },
      { name: "办理中", n: 8 },
      { name: "待受理", n: 3 },
    ],
    byChannel: [
      { name: "居民扫码", n: 96 },
      { name: "12345热线", n: 58 },
      { name: "网格员上报", n: 41 },
      { name: "来访", n: 7 },
    ],
    areas: GRIDS.map((name, i) => ({
      code: `XG-YG-${String(i + 1).padStart(3, "0")}`,
      name: `${name}网格`,
      cases: 30 - i * 2,
      open: i % 3,
      overdue: i === 4 ? 2 : 0,
      late: i % 4 === 0 ? 1 : 0,
      satisfactionRate: i === 8 ? null : (95 - i) / 100,
    })),
    departments: DEPARTMENTS.map(([name, whistles, reported, overdue, medianMinutes, meanScore]) => ({
      name,
      whistles,
      reported,
      overdue,
      medianMinutes,
      meanScore,
    })),
  };
}

/** A quiet month: nothing received, no grids with data, nobody whistled. */
function empty(): ReportData {
  return {
    ...november(),
    subjectName: "新建社区",
    summary: [
      { label: "受理诉求", value: "0" },
      { label: "满意率", value: "—" },
    ],
    trend: november().trend.map((t) => ({ ...t, cases: 0, closed: 0, rated: 0, satisfied: 0 })),
    byCategory: [],
    byStatus: [],
    byChannel: [],
    areas: [],
    departments: [],
  };
}

async function openXlsx(bytes: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

/** The PDF on disk, as poppler reads it: its text, its pictures and its page facts. */
async function inspectPdf(bytes: Buffer, name: string) {
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, bytes);
  const [{ stdout: text }, { stdout: images }, { stdout: info }] = await Promise.all([
    run("pdftotext", ["-enc", "UTF-8", "-layout", file, "-"]),
    run("pdfimages", ["-list", file]),
    run("pdfinfo", [file]),
  ]);
  // pdfimages -list: two header lines, then one line per picture.
  const pictures = images.trim().split("\n").slice(2).length;
  const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
  return { file, text, pictures, info, pages };
}

const rowValues = (sheet: ExcelJS.Worksheet, n: number) => (sheet.getRow(n).values as unknown[]).slice(1);

describe("periodic report rendering", () => {
  let xlsx: Buffer;
  let pdf: Buffer;
  beforeAll(async () => {
    [xlsx, pdf] = await Promise.all([reportXlsx(november()), reportPdf(november())]);
  });

  it("writes a workbook with the overview, trend, categories, status and channels, grids and departments", async () => {
    const wb = await openXlsx(xlsx);
    expect(wb.worksheets.map((s) => s.name)).toEqual(["概况", "趋势", "分类", "状态与渠道", "网格", "部门"]);

    const overview = wb.getWorksheet("概况");
    if (!overview) throw new Error("no 概况 sheet");
    expect(overview.getCell("A1").value).toBe("阳光社区 2026年11月 诉求办理月报");
    expect(overview.getCell("B2").value).toBe("2026-11-01 至 2026-11-30");
    // Generated 08:30 China time, kept as an Excel date whose wall clock is China's.
    expect(overview.getCell("B3").value).toEqual(new Date("2026-12-01T08:30:00Z"));
    const summary = new Map<unknown, unknown>();
    overview.eachRow((row) => summary.set(row.getCell(1).value, row.getCell(2).value));
    expect(summary.get("受理诉求")).toBe(202);
    expect(summary.get("满意率")).toBe("92.3%");
    expect(summary.get("平均办理用时")).toBe("2.4 天");
    // The trend chart is embedded as a picture below the figures.
    expect(wb.model.media.length).toBeGreaterThanOrEqual(1);
    expect(overview.getImages()).toHaveLength(1);
    expect(overview.getImages()[0]?.range.tl.nativeRow).toBeGreaterThan(5 + 8);

    const trend = wb.getWorksheet("趋势");
    expect(rowValues(trend as ExcelJS.Worksheet, 1)).toEqual([
      "日期",
      "受理",
      "办结",
      "评价",
      "满意",
      "满意率",
    ]);
    expect(trend?.getCell("A2").value).toEqual(new Date("2026-11-01T00:00:00Z"));
    expect(trend?.getCell("A2").numFmt).toBe("yyyy-mm-dd");
    expect(trend?.rowCount).toBe(1 + 30 + 1);
    expect(trend?.getCell("A32").value).toBe("合计");
    const received = november().trend.reduce((s, t) => s + t.cases, 0);
    expect(trend?.getCell("B32").value).toBe(received);

    const categories = wb.getWorksheet("分类");
    expect(rowValues(categories as ExcelJS.Worksheet, 2)).toEqual(["环境卫生", 46, 46 / 202]);
    expect(categories?.getCell("C2").numFmt).toBe("0.0%");
    expect(rowValues(categories as ExcelJS.Worksheet, 14)).toEqual(["合计", 202, 1]);

    const both = wb.getWorksheet("状态与渠道");
    expect(both?.getCell("A1").value).toBe("办理状态");
    expect(both?.getCell("E1").value).toBe("受理渠道");
    expect(both?.getCell("E3").value).toBe("12345热线");
    expect(both?.getCell("F3").value).toBe(58);

    const grids = wb.getWorksheet("网格") as ExcelJS.Worksheet;
    expect(grids.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(rowValues(grids, 1)).toEqual(["编码", "名称", "受理", "未办结", "当前超期", "超时办理", "满意率"]);
    expect(grids.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(grids.rowCount).toBe(1 + 9);
    expect(rowValues(grids, 6)).toEqual(["XG-YG-005", "和平巷网格", 22, 1, 2, 1, 0.91]);
    expect(grids.getCell("G6").numFmt).toBe("0.0%");
    // No rating in 新华北里: an empty cell, not 0%.
    expect(grids.getCell("G10").value).toBeNull();

    const departments = wb.getWorksheet("部门") as ExcelJS.Worksheet;
    expect(rowValues(departments, 1)).toEqual([
      "部门",
      "吹哨",
      "已报到",
      "超期",
      "报到用时中位(分钟)",
      "平均评分",
    ]);
    expect(rowValues(departments, 2)).toEqual(["区城管执法局", 14, 13, 1, 38, 4.6]);
    expect(departments.rowCount).toBe(1 + 5);
  });

  it("prints an A4 PDF with real Chinese text, the charts as pictures and page numbers", async () => {
    const { text, pictures, info, pages } = await inspectPdf(pdf, "november");
    expect(info).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(text).toContain("阳光社区 2026年11月 诉求办理月报");
    expect(text).toContain("统计周期：2026-11-01 至 2026-11-30");
    expect(text).toContain("生成时间：2026-12-01 08:30");
    expect(text).toMatch(/受理诉求\s+202/);
    expect(text).toMatch(/XG-YG-005\s+和平巷网格\s+22\s+1\s+2\s+1\s+91\.0%/);
    expect(text).toMatch(/区住房和城乡建设委员会\s+9\s+9\s+0\s+52\s+4\.8/);
    // pdftotext drops the spaces between Chinese glyphs and digits.
    expect(text).toMatch(/第\s*1\s*页\s+共\s*\d+\s*页/);
    // The trend, the categories and the channels.
    expect(pictures).toBeGreaterThanOrEqual(3);
    // Subset fonts and 2× pictures: small enough to mail.
    expect(pdf.length).toBeLessThan(1_500_000);
  });

  it("carries a long table over to the next page with its header again", async () => {
    const many = november();
    many.areas = Array.from({ length: 70 }, (_, i) => ({
      code: `XG-YG-${String(i + 1).padStart(3, "0")}`,
      name: `第${i + 1}网格`,
      cases: i,
      open: 0,
      overdue: 0,
      late: 0,
      satisfactionRate: 1,
    }));
    const { file, pages } = await inspectPdf(await reportPdf(many), "long");
    expect(pages).toBeGreaterThanOrEqual(3);
    const { stdout: last } = await run("pdftotext", [
      "-enc",
      "UTF-8",
      "-f",
      `${pages}`,
      "-l",
      `${pages}`,
      file,
      "-",
    ]);
    expect(last).toContain("第70网格");
    expect(last).toContain("当前超期");
    expect(last).toMatch(new RegExp(`第\\s*${pages}\\s*页`));
  });

  it("renders a period without cases, and says so instead of drawing empty charts", async () => {
    const data = empty();
    const [bytes, workbook] = await Promise.all([reportPdf(data), reportXlsx(data)]);
    const { text, pictures, pages } = await inspectPdf(bytes, "empty");
    expect(pages).toBe(1);
    expect(text).toContain("新建社区 2026年11月 诉求办理月报");
    expect(text).toContain("本期无诉求");
    expect(text).toContain("本期无网格数据");
    expect(text).toContain("本期无吹哨报到");
    expect(pictures).toBe(0);

    const wb = await openXlsx(workbook);
    expect(wb.worksheets.map((s) => s.name)).toEqual(["概况", "趋势", "分类", "状态与渠道", "网格", "部门"]);
    expect(wb.model.media).toHaveLength(0);
    const overview = wb.getWorksheet("概况") as ExcelJS.Worksheet;
    const texts: unknown[] = [];
    overview.eachRow((row) => texts.push(row.getCell(1).value));
    expect(texts).toContain("本期无诉求");
    expect(wb.getWorksheet("网格")?.rowCount).toBe(1);
  });

  it("lists the communities served in a department's quarterly report, month by month", async () => {
    const data: ReportData = {
      ...november(),
      kind: "quarterly",
      subjectType: "department",
      subjectName: "区城管执法局",
      periodLabel: "2026年第四季度",
      from: "2026-10-01",
      to: "2027-01-01",
      trend: [
        // Months as the gatherer gives them: their first day.
        { period: "2026-10-01", cases: 40, closed: 38, rated: 30, satisfied: 28 },
        { period: "2026-11-01", cases: 52, closed: 50, rated: 41, satisfied: 39 },
        { period: "2026-12-01", cases: 47, closed: 40, rated: 33, satisfied: 30 },
      ],
      areas: [
        { code: "XG-YG", name: "阳光社区", cases: 61, open: 3, overdue: 1, late: 2, satisfactionRate: 0.92 },
        { code: "XG-HQ", name: "红旗社区", cases: 78, open: 6, overdue: 0, late: 4, satisfactionRate: 0.88 },
      ],
    };
    const [workbook, pdfFile] = await Promise.all([reportXlsx(data), reportPdf(data)]);
    const { text } = await inspectPdf(pdfFile, "department");
    expect(text).toContain("区城管执法局 2026年第四季度 诉求办理季报");
    expect(text).toContain("统计周期：2026-10-01 至 2026-12-31");
    expect(text).toContain("各社区办理情况");
    expect(text).toMatch(/XG-HQ\s+红旗社区\s+78/);
    // The trend's axis names the months.
    expect((trendChart(data).option.xAxis as { data: string[] }).data).toEqual(["10月", "11月", "12月"]);

    const wb = await openXlsx(workbook);
    expect(wb.worksheets.map((s) => s.name)).toEqual(["概况", "趋势", "分类", "状态与渠道", "社区", "部门"]);
    expect(wb.getWorksheet("概况")?.getCell("A1").value).toBe("区城管执法局 2026年第四季度 诉求办理季报");
    expect(wb.getWorksheet("概况")?.getCell("B2").value).toBe("2026-10-01 至 2026-12-31");
    const trend = wb.getWorksheet("趋势") as ExcelJS.Worksheet;
    expect(trend.getCell("A1").value).toBe("月份");
    expect(trend.getCell("A3").value).toEqual(new Date("2026-11-01T00:00:00Z"));
    expect(trend.getCell("A3").numFmt).toBe('yyyy"年"m"月"');
    expect(rowValues(wb.getWorksheet("社区") as ExcelJS.Worksheet, 3)).toEqual([
      "XG-HQ",
      "红旗社区",
      78,
      6,
      0,
      4,
      0.88,
    ]);
  });
});
