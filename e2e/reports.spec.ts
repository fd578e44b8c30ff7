import { expect, test } from "@playwright/test";
import { adminLogin } from "./login.ts";

const COMMUNITY_STAFF = "13800000003";

/** Last month in China ("2026年11月"), as the report's name says it. */
function lastMonth(): { name: string; start: string } {
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date());
  const [y, m] = [Number(today.slice(0, 4)), Number(today.slice(5, 7))];
  const [year, month] = m === 1 ? [y - 1, 12] : [y, m - 1];
  return { name: `${year}年${month}月`, start: `${year}-${String(month).padStart(2, "0")}-01` };
}

test("community staff make last month's report, see it turn 已生成 and download both files", async ({
  page,
}) => {
  test.setTimeout(30_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  await adminLogin(page, COMMUNITY_STAFF);
  await expect(page).toHaveURL(/\/admin\/?$/);
  const me = await (await page.request.get("/api/v1/auth/me")).json();
  const community: string = me.user.roles[0].nodeName;
  await page.getByRole("menu").getByRole("menuitem", { name: "统计报表" }).click();
  await expect(page).toHaveURL(/\/admin\/reports$/);
  await expect(page.getByRole("tab", { name: "月报" })).toBeVisible();

  // 生成报表: a month report, last month already chosen, his only community already chosen.
  await page.getByRole("button", { name: "生成报表" }).click();
  const dialog = page.getByRole("dialog", { name: "生成统计报表" });
  await expect(dialog.getByRole("radio", { name: "月报" })).toBeChecked();
  await expect(dialog.getByLabel("统计周期")).toHaveValue(lastMonth().start.slice(0, 7));
  await expect(dialog.getByText(community, { exact: true })).toBeVisible();
  await page.screenshot({ path: "test-results/reports-generate.png" });
  const posted = page.waitForResponse(
    (r) => r.url().endsWith("/api/v1/dashboard/reports") && r.request().method() === "POST",
  );
  await dialog.getByRole("button", { name: "开始生成" }).click();
  const answer = await posted;
  expect(answer.status(), await answer.text()).toBe(202);
  const report = await answer.json();
  expect(report).toMatchObject({ kind: "monthly", subjectType: "community", periodStart: lastMonth().start });
  await expect(dialog).toBeHidden();

  // Its row says 生成中 until the job has written the files, then 已生成 without a reload.
  const row = page.locator(`tr[data-row-key="${report.id}"]`);
  await expect(row).toContainText(`${community} ${lastMonth().name} 月报`);
  await expect(row).toContainText(`${lastMonth().start} 至`);
  await expect(row.getByTestId("report-status")).toHaveText("生成中");
  await expect(row.getByTestId("report-status")).toHaveText("已生成", { timeout: 20_000 });
  await page.screenshot({ path: "test-results/reports-list.png" });

  // 下载 Excel is a plain link: the server names the file.
  const download = page.waitForEvent("download");
  await row.getByRole("link", { name: "下载 Excel" }).click();
  expect((await download).suggestedFilename()).toMatch(/月报\.xlsx$/);

  const pdfHref = await row.getByRole("link", { name: "下载 PDF" }).getAttribute("href");
  const pdf = await page.request.get(pdfHref ?? "");
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toContain("application/pdf");
});
