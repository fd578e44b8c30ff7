import { expect, type Locator, test } from "@playwright/test";
import { adminLogin } from "./login.ts";

/** The number a figure card shows ("63件" → 63). */
const figureOf = async (card: Locator) =>
  Number((await card.locator("[data-figure]").textContent())?.replace(/\D+/g, ""));

test("community worker: the community's figures, its grids, and a grid's own figures", async ({ page }) => {
  await adminLogin(page, "13800000003");

  // The dashboard of the worker's own community, with the big screen a click away.
  await expect(page.getByRole("heading", { name: "您好，张丽华" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "红旗社区" })).toBeVisible();
  await expect(page.getByRole("link", { name: "打开指挥大屏" })).toHaveAttribute("href", "/screen");
  const received = page.getByRole("region", { name: "受理诉求" });
  await expect(received.locator("[data-figure]")).toHaveText(/\d/);
  const community = await figureOf(received);
  expect(community).toBeGreaterThan(0);
  await expect(page.getByRole("img", { name: "诉求趋势" })).toBeVisible();
  await page.screenshot({ path: "test-results/dashboard-community.png", fullPage: true });

  // Its grids, busiest first; a click on one shows that grid's figures.
  const rows = page.getByRole("row").filter({ hasText: /红旗社区第\d+网格/ });
  await expect(rows.first()).toBeVisible();
  expect(await rows.count()).toBeGreaterThan(1);
  const busiest = rows.first();
  const name = (await busiest.getByRole("cell").first().textContent())?.trim() ?? "";
  const gridReceived = Number(await busiest.getByRole("cell").nth(1).textContent());
  expect(gridReceived).toBeLessThan(community);
  await busiest.click();

  await expect(page.getByRole("heading", { name })).toBeVisible();
  await expect(received.locator("[data-figure]")).toHaveText(new RegExp(`^${gridReceived}(\\D|$)`));
  await expect(page).toHaveURL(/node=/);
  // The way back up: the community in the breadcrumb, and the area picker showing the grid.
  await expect(page.getByLabel("统计范围")).toBeVisible();
  await page.getByRole("navigation").getByText("红旗社区", { exact: true }).click();
  await expect(received.locator("[data-figure]")).toHaveText(new RegExp(`^${community}(\\D|$)`));
});

test("department staff: their department's whistles, and the way to the inbox", async ({ page }) => {
  await adminLogin(page, "13800000005");

  await expect(page.getByRole("heading", { name: "本部门吹哨报到" })).toBeVisible();
  const department = page.getByRole("region", { name: "区城市管理局" });
  await expect(department.getByRole("region", { name: "本期接哨" }).locator("[data-figure]")).toHaveText(
    /\d/,
  );
  await expect(department.getByRole("region", { name: "当前待反馈" })).toBeVisible();
  await expect(page.getByRole("link", { name: /进入吹哨报到/ })).toHaveAttribute("href", /\/whistles$/);
  // No territory figures and no big screen: those are for the territory's staff.
  await expect(page.getByRole("region", { name: "受理诉求" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "打开指挥大屏" })).toHaveCount(0);
  await page.screenshot({ path: "test-results/dashboard-department.png", fullPage: true });
});
