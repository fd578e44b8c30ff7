import { readFile } from "node:fs/promises";
import { type Download, expect, type Page, test } from "@playwright/test";
import ExcelJS from "exceljs";
import { adminLogin } from "./login.ts";

/** The downloaded file's first sheet: its header row and the rows under it. */
async function firstSheet(download: Download) {
  const path = await download.path();
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await readFile(path)) as unknown as ArrayBuffer);
  const sheet = book.worksheets[0];
  if (!sheet) throw new Error("the file has no sheet");
  const values = (n: number) => (sheet.getRow(n).values as ExcelJS.CellValue[]).slice(1).map(String);
  const rows = Array.from({ length: sheet.rowCount - 1 }, (_, i) => values(i + 2));
  return { name: sheet.name, header: values(1), rows };
}

async function searchResidents(page: Page) {
  await adminLogin(page, "13800000003");
  await page.getByRole("menu").getByRole("menuitem", { name: "人口信息" }).click();
  const search = page.getByPlaceholder("姓名、手机号或完整身份证号");
  await search.fill("王");
  const answer = page.waitForResponse((r) => /\/api\/v1\/people\/residents\?.*q=%E7%8E%8B/.test(r.url()));
  await search.press("Enter");
  const { total } = (await (await answer).json()) as { total: number };
  // "共 n 人": what the list found, all pages of it.
  await expect(page.getByText(`共 ${total} 人`)).toBeVisible();
  return total;
}

test("residents: 导出 Excel downloads the list with the page's filters", async ({ page }) => {
  const total = await searchResidents(page);
  expect(total).toBeGreaterThan(20);
  await page.screenshot({ path: "test-results/admin-export.png" });

  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: /导出 Excel/ }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^居民名单-\d{8}\.xlsx$/);

  const file = await firstSheet(download);
  expect(file.name).toBe("居民名单");
  expect(file.header).toEqual([
    "姓名",
    "性别",
    "年龄",
    "身份证号",
    "手机号",
    "与户主关系",
    "人口类型",
    "住址",
  ]);
  expect(file.rows).toHaveLength(total);
  for (const row of file.rows) {
    expect(row[0]).toContain("王");
    expect(row[3]).toMatch(/^\d{2}\*{14}[\dX]{2}$/);
  }
});

test("residents: the export with whole ID numbers asks for the purpose first", async ({ page }) => {
  const total = await searchResidents(page);

  await page.getByRole("button", { name: "更多导出方式" }).click();
  await page.getByRole("menuitem", { name: "导出（含完整证件号）" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByText("导出完整证件号 — 请填写用途")).toBeVisible();
  await page.screenshot({ path: "test-results/admin-export-purpose.png" });
  // No purpose, no file.
  await dialog.getByRole("button", { name: "确认导出" }).click();
  await expect(dialog.getByText("请填写用途（至少 2 个字）")).toBeVisible();
  await dialog.getByText("政策补贴资格核对").click();

  const downloading = page.waitForEvent("download");
  await dialog.getByRole("button", { name: "确认导出" }).click();
  const file = await firstSheet(await downloading);
  expect(file.rows).toHaveLength(total);
  for (const row of file.rows) expect(row[4]).toMatch(/^\d{17}[\dX]$/);
  await expect(dialog).toBeHidden();
});
