import { expect, test } from "@playwright/test";
import { failOnCspViolations } from "./csp.ts";
import { adminLogin } from "./login.ts";

failOnCspViolations();

test("district administrator: audit log, English, log out", async ({ page }) => {
  await adminLogin(page, "13800000001");

  const header = page.getByRole("banner");
  await expect(header.getByText("王建国")).toBeVisible();
  await expect(page.getByRole("heading", { name: "您好，王建国" })).toBeVisible();
  const menu = page.getByRole("menu");
  await expect(menu.getByRole("menuitem", { name: "审计日志" })).toBeVisible();
  await page.screenshot({ path: "test-results/admin-home.png", fullPage: true });

  // The whole district's grids on one map.
  await menu.getByRole("menuitem", { name: "区域管理" }).click();
  await expect(page.getByText("兴安区 · 网格分布")).toBeVisible();
  await expect(page.getByTestId("grid-map").locator("canvas")).toBeVisible();
  await page.waitForTimeout(500); // the map's first drawing, for the screenshot
  await page.screenshot({ path: "test-results/admin-territory-district.png", fullPage: true });

  await menu.getByRole("menuitem", { name: "审计日志" }).click();
  await expect(page).toHaveURL(/\/admin\/audit/);
  // The log-in just made is itself in the log.
  await expect(
    page.getByRole("row").filter({ hasText: "王建国" }).filter({ hasText: "登录" }).first(),
  ).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: "载入演示数据" })).toBeVisible();
  // Filtering by entity type leaves only the user rows.
  // The list of kinds is long: typing finds one.
  await page.getByLabel("对象类型").click();
  await page.getByLabel("对象类型").fill("用户");
  await page.getByTitle("用户", { exact: true }).click();
  await expect(page.getByRole("row").filter({ hasText: "载入演示数据" })).toHaveCount(0);
  await expect(page.getByRole("row").filter({ hasText: "王建国" }).first()).toBeVisible();
  await expect(page).toHaveURL(/entity=user/);

  await header.getByText("English").click();
  await expect(menu.getByRole("menuitem", { name: "Audit log" })).toBeVisible();
  await expect(menu.getByRole("menuitem", { name: "Home" })).toBeVisible();
  await expect(page.getByRole("columnheader", { name: "Action" })).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: "Log in" }).first()).toBeVisible();
  await page.screenshot({ path: "test-results/admin-audit-en.png", fullPage: true });

  await header.getByText("王建国").click();
  await page.getByRole("menuitem", { name: "Log out" }).click();
  await expect(page).toHaveURL(/\/admin\/login$/);
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
});

test("wrong password: the server's Chinese message is shown on the form", async ({ page }) => {
  await adminLogin(page, "13800000002", "not-the-password");
  await expect(page.getByRole("alert")).toHaveText("手机号或密码错误");
  await expect(page).toHaveURL(/\/admin\/login$/);
});

test("community worker: no audit log in the menu, and its address is refused", async ({ page }) => {
  await adminLogin(page, "13800000003");

  const menu = page.getByRole("menu");
  await expect(page.getByRole("banner").getByText("张丽华")).toBeVisible();
  await expect(menu.getByRole("menuitem", { name: "区域管理" })).toBeVisible();
  await expect(menu.getByRole("menuitem", { name: "审计日志" })).toHaveCount(0);

  await page.getByRole("banner").getByText("张丽华").click();
  await expect(page.getByText("社区工作者 · 红旗社区")).toBeVisible();
  await page.keyboard.press("Escape");

  await menu.getByRole("menuitem", { name: "区域管理" }).click();
  await expect(
    page.getByRole("tree").locator(".ant-tree-title", { hasText: /^红旗社区社区$/ }),
  ).toBeVisible();
  await page.getByRole("button", { name: /查看详情/ }).click();
  // The community's page: its grids are listed, and the breadcrumb leads back.
  await expect(page.getByRole("heading", { name: "红旗社区" })).toBeVisible();
  await expect(page.getByRole("cell", { name: "红旗社区第1网格" })).toBeVisible();
  await expect(page.getByRole("navigation").getByRole("link", { name: "区域管理" })).toBeVisible();
  await page.screenshot({ path: "test-results/admin-territory.png", fullPage: true });

  await page.goto("/admin/audit");
  await expect(page.getByText("您没有权限访问此页面")).toBeVisible();
});

test("every app shows its name and 正在加载… before its scripts have arrived", async ({ page }) => {
  // No script at all: what a slow line shows from the first byte.
  await page.route("**/assets/*.js", (route) => route.abort());
  for (const [address, name] of [
    ["/admin/", "党建引领基层治理平台"],
    ["/mobile/", "党建引领基层治理平台"],
    ["/screen/", "指挥中心大屏"],
  ] as const) {
    await page.goto(address);
    await expect(page.getByText(name, { exact: true })).toBeVisible();
    await expect(page.getByRole("status")).toHaveText("正在加载…");
  }
});
