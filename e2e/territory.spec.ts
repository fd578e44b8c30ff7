import { expect, test } from "@playwright/test";
import { adminLogin } from "./login.ts";

test("community worker: the territory tree and grid map, then a grid's page and its staff", async ({
  page,
}) => {
  await adminLogin(page, "13800000003");
  await page.getByRole("menu").getByRole("menuitem", { name: "区域管理" }).click();
  await expect(page).toHaveURL(/\/admin\/territory/);

  // The scope's root is open in the tree, and its grids are drawn on the map.
  const tree = page.getByRole("tree");
  await expect(tree.locator(".ant-tree-title", { hasText: /^红旗社区社区$/ })).toBeVisible();
  await expect(page.getByTestId("grid-map").locator("canvas")).toBeVisible();
  await expect(page.getByText("红旗社区 · 网格分布")).toBeVisible();
  const firstGrid = tree.locator(".ant-tree-title", { hasText: "红旗社区第1网格" });
  await expect(firstGrid).toBeVisible();
  // The single community's grids are told apart by type, with a legend.
  await expect(page.getByRole("list", { name: "图例" })).toContainText("网格");
  await page.screenshot({ path: "test-results/admin-territory-map.png", fullPage: true });

  // The search box finds an area by name and shows it on the map.
  await page.getByPlaceholder("搜索名称或编码").fill("第2网格");
  await page.getByPlaceholder("搜索名称或编码").press("Enter");
  await page
    .getByRole("list", { name: "搜索结果" })
    .getByRole("button", { name: /红旗社区第2网格/ })
    .click();
  await expect(page.getByText("红旗社区第2网格 · 网格分布")).toBeVisible();
  await page.getByPlaceholder("搜索名称或编码").fill("");
  await page.getByPlaceholder("搜索名称或编码").press("Enter");

  await firstGrid.click();
  await expect(page.getByText("红旗社区第1网格 · 网格分布")).toBeVisible();
  await page.getByRole("button", { name: /查看详情/ }).click();

  await expect(page).toHaveURL(/\/admin\/territory\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { name: "红旗社区第1网格" })).toBeVisible();
  await expect(page.getByTestId("unit-code")).toHaveText(/^\d{15}$/);
  await expect(page.getByRole("navigation").getByRole("link", { name: "红旗社区" })).toBeVisible();
  await expect(page.getByText("住户（户）")).toBeVisible();
  await page.screenshot({ path: "test-results/admin-grid-overview.png", fullPage: true });

  await page.getByRole("tab", { name: "网格力量" }).click();
  const worker = page.getByRole("row").filter({ hasText: "刘志强" });
  await expect(worker).toContainText("网格员");
  await expect(worker).toContainText("13800000004");
  await expect(worker.getByRole("link", { name: /13800000004/ })).toHaveAttribute("href", "tel:13800000004");
  await page.screenshot({ path: "test-results/admin-grid-staff.png", fullPage: true });

  await page.getByRole("tab", { name: "住户" }).click();
  await expect(page.getByText(/共 \d+ 户/)).toBeVisible();
  await page
    .locator(".ant-table-tbody tr.ant-table-row")
    .first()
    .getByRole("button", { name: /家庭成员/ })
    .click();
  const drawer = page.getByRole("dialog");
  await expect(drawer.getByText("住户详情")).toBeVisible();
  await expect(drawer.getByText(/家庭成员（\d+ 人）/)).toBeVisible();
  await page.waitForTimeout(400); // the drawer's slide-in, for the screenshot
  await page.screenshot({ path: "test-results/admin-grid-household.png" });
  await page.keyboard.press("Escape");
  await expect(drawer).toBeHidden();
  await page.screenshot({ path: "test-results/admin-grid-households.png", fullPage: true });

  // The same page in English: every label has its translation.
  await page.getByRole("banner").getByText("English").click();
  await page.getByRole("tab", { name: "Overview" }).click();
  await expect(page.getByText("Unit grid code")).toBeVisible();
  await expect(page.getByRole("tab", { name: "Grid staff" })).toBeVisible();
  await page.screenshot({ path: "test-results/admin-grid-overview-en.png", fullPage: true });
  await page.getByRole("tab", { name: "Grid staff" }).click();
  await expect(page.getByRole("row").filter({ hasText: "刘志强" })).toContainText("Grid worker");
  await page.screenshot({ path: "test-results/admin-grid-staff-en.png", fullPage: true });
  await page.getByRole("banner").getByText("中文").click();
});
