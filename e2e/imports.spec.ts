import { expect, type Page, test } from "@playwright/test";
import ExcelJS from "exceljs";
import { adminLogin } from "./login.ts";

/** A valid 身份证 number from its first 17 digits. */
function idNumber(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (weights[i] ?? 0);
  return `${first17}${"10X98765432"[sum % 11]}`;
}

/** The residents template as the page offers it, with rows typed in below its example row. */
async function filledTemplate(page: Page, rows: string[][]): Promise<Buffer> {
  const res = await page.request.get("/api/v1/imports/templates/residents.xlsx");
  expect(res.ok()).toBe(true);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await res.body()) as unknown as ArrayBuffer);
  const sheet = wb.worksheets[0] as ExcelJS.Worksheet;
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function upload(page: Page, name: string, bytes: Buffer) {
  await page.goto("/admin/imports");
  await page.getByTestId("kind-residents").click();
  await expect(page.getByText("上传居民及住户文件")).toBeVisible();
  await page.locator("input[type=file]").setInputFiles({
    name,
    mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    buffer: bytes,
  });
  await expect(page).toHaveURL(/\/admin\/imports\/[0-9a-f-]{36}$/);
}

test("community worker: imports residents from the template, reads the row report, confirms", async ({
  page,
}) => {
  await adminLogin(page, "13800000003");
  await page.getByRole("menu").getByRole("menuitem", { name: "数据导入" }).click();
  await expect(page).toHaveURL(/\/admin\/imports$/);
  await expect(page.getByText("要导入什么？")).toBeVisible();
  await page.screenshot({ path: "test-results/admin-imports-kinds.png", fullPage: true });

  const grids = await page.request.get("/api/v1/territory/nodes?level=grid&pageSize=1");
  const grid: string = (await grids.json()).items[0].code;
  const head = idNumber("36073120000229101");
  const child = idNumber("36073120200229202");
  const wrong = `${child.slice(0, 17)}${child.endsWith("0") ? "1" : "0"}`;
  const family = (childId: string) => [
    ["页面导入户主", head, "13977770001", "户主", "户籍人口", grid, "", "页面楼", "1", "808"],
    ["页面导入子女", childId, "", "子女", "户籍人口", grid, "", "页面楼", "1", "808"],
  ];

  // A wrong check digit: the whole file is refused, the row and column named.
  await upload(page, "居民-有误.xlsx", await filledTemplate(page, family(wrong)));
  await expect(page.getByText("发现 1 个问题，整个文件未导入")).toBeVisible({ timeout: 30_000 });
  const problem = page.getByTestId("import-problems").getByRole("row").filter({ hasText: "校验码" });
  await expect(problem.locator("td").first()).toHaveText("4");
  await expect(problem.locator("td").nth(1)).toHaveText("身份证号");
  await expect(page.getByRole("link", { name: /下载报告/ })).toBeVisible();
  await page.screenshot({ path: "test-results/admin-imports-report.png", fullPage: true });

  // Fixed and uploaded again: checked, confirmed, written.
  await upload(page, "居民.xlsx", await filledTemplate(page, family(child)));
  await expect(page.getByText("全部 2 行检查通过")).toBeVisible({ timeout: 30_000 });
  await page.screenshot({ path: "test-results/admin-imports-checked.png", fullPage: true });
  await page.getByRole("button", { name: "确认导入" }).click();
  await expect(page.getByText("导入完成")).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId("import-summary")).toHaveText("新增 2 · 更新 0 · 未变 0");
  await page.screenshot({ path: "test-results/admin-imports-done.png", fullPage: true });

  // Both uploads are in the history; the new residents are in the people pages.
  await page.goto("/admin/imports");
  await expect(page.getByRole("row").filter({ hasText: "居民-有误.xlsx" })).toContainText("有问题");
  await expect(page.getByRole("row").filter({ hasText: /^居民\.xlsx/ })).toContainText("已完成");
  const found = await page.request.get(`/api/v1/people/residents?q=${head}`);
  expect((await found.json()).items[0]).toMatchObject({ name: "页面导入户主" });
});
