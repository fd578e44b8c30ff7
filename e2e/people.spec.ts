import { expect, test } from "@playwright/test";
import { adminLogin } from "./login.ts";

test("community worker: finds a resident by name and views the full ID number for a stated purpose", async ({
  page,
}) => {
  await adminLogin(page, "13800000003");
  await page.getByRole("menu").getByRole("menuitem", { name: "人口信息" }).click();
  await expect(page).toHaveURL(/\/admin\/people/);

  // A name from the residents list (not a table of the page just left), searched for as a worker would.
  const residents = page
    .locator(".ant-table")
    .filter({ has: page.getByRole("columnheader", { name: "身份证号" }) });
  const firstRow = residents.locator(".ant-table-tbody tr.ant-table-row").first();
  await expect(firstRow).toBeVisible();
  const name = ((await firstRow.locator("td").first().textContent()) ?? "").trim();
  await page.getByPlaceholder("姓名、手机号或完整身份证号").fill(name);
  await page.getByPlaceholder("姓名、手机号或完整身份证号").press("Enter");
  await expect(page).toHaveURL(new RegExp(`q=${encodeURIComponent(name)}`));

  const row = page.getByRole("row").filter({ hasText: name }).first();
  await expect(row).toBeVisible();
  // Masked: two digits, fourteen stars, two characters.
  await expect(row).toContainText(/\d{2}\*{14}[\dX]{2}/);
  await page.screenshot({ path: "test-results/admin-people.png", fullPage: true });

  await row.getByRole("button", { name: /查看/ }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByText("查看完整证件号 — 请填写用途")).toBeVisible();
  // No purpose, no number.
  await dialog.getByRole("button", { name: "确认查看" }).click();
  await expect(dialog.getByText("请填写用途（至少 2 个字）")).toBeVisible();
  await dialog.getByLabel("用途").fill("入户走访核实身份");
  await page.screenshot({ path: "test-results/admin-reveal-purpose.png" });
  await dialog.getByRole("button", { name: "确认查看" }).click();

  await expect(dialog.getByText("本次查看已记录")).toBeVisible();
  await expect(dialog.getByTestId("revealed-id")).toHaveText(/^\d{17}[\dX]$/);
  await page.screenshot({ path: "test-results/admin-reveal-result.png" });
  await dialog
    .locator(".ant-modal-footer")
    .getByRole("button", { name: /关\s?闭/ })
    .click();
  await expect(dialog).toBeHidden();

  // The other tabs: party members by category, staff by role.
  await page.getByRole("tab", { name: "党员" }).click();
  await expect(page.getByLabel("党员类别")).toBeVisible();
  await expect(page.locator(".ant-table-tbody tr.ant-table-row").first()).toBeVisible();
  await page.getByRole("tab", { name: "网格力量" }).click();
  await page.getByLabel("职务").click();
  await page.getByTitle("网格员", { exact: true }).click();
  await expect(page.getByRole("row").filter({ hasText: "刘志强" })).toBeVisible();
  await page.screenshot({ path: "test-results/admin-people-staff.png", fullPage: true });
});

test("grid worker: sees people with masked numbers but no 查看", async ({ page }) => {
  await adminLogin(page, "13800000004");
  await page.getByRole("menu").getByRole("menuitem", { name: "人口信息" }).click();
  await expect(page.getByRole("columnheader", { name: "身份证号" })).toBeVisible();
  await expect(page.locator(".ant-table-tbody tr.ant-table-row").first()).toContainText(
    /\d{2}\*{14}[\dX]{2}/,
  );
  await expect(page.getByRole("button", { name: /查看/ })).toHaveCount(0);
});
