import { expect, test } from "@playwright/test";
import { failOnCspViolations } from "./csp.ts";
import { mobileLogin } from "./login.ts";

failOnCspViolations();

test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

test("resident on a phone: greeting, 我的家庭 with masked members, 我的, log out", async ({ page }) => {
  await mobileLogin(page, "13800000007");

  await expect(page.getByRole("heading", { name: "孙秀英，您好" })).toBeVisible();
  await expect(page.getByRole("button", { name: "我的网格" })).toHaveCount(0);
  await page.screenshot({ path: "test-results/mobile-home.png" });

  await page.getByRole("button", { name: "我的家庭" }).click();
  await expect(page).toHaveURL(/\/mobile\/family$/);
  await expect(page.getByText("孙秀英", { exact: true })).toBeVisible();
  await expect(page.getByText(/^\d{2}\*{14}[\dX]{2}$/).first()).toBeVisible();
  await expect(page.getByText("138****0007")).toBeVisible();
  await page.screenshot({ path: "test-results/mobile-family.png", fullPage: true });
  await page.getByText("返回").click();

  await page.getByText("我的", { exact: true }).click();
  await expect(page.getByText("138****0007")).toBeVisible();
  await expect(page.getByText("13800000007")).toHaveCount(0);
  await page.screenshot({ path: "test-results/mobile-me.png" });

  await page.getByRole("button", { name: "退出登录" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "退出登录" }).click();
  await expect(page).toHaveURL(/\/mobile\/login$/);
  await expect(page.getByRole("button", { name: "登录", exact: true })).toBeVisible();
});

test("grid worker on a phone: 我的网格 with its map, staff to call and households", async ({ page }) => {
  await mobileLogin(page, "13800000004");
  await expect(page.getByRole("heading", { name: "刘志强，您好" })).toBeVisible();
  await page.getByRole("button", { name: "我的网格" }).click();
  await expect(page).toHaveURL(/\/mobile\/grid$/);

  await expect(page.getByRole("heading", { name: "红旗社区第1网格" })).toBeVisible();
  await expect(page.getByText(/^\d{15}$/)).toBeVisible();
  await expect(page.getByTestId("grid-map").locator("canvas")).toBeVisible();
  await expect(page.getByRole("link", { name: /拨打 刘志强 13800000004/ })).toHaveAttribute(
    "href",
    "tel:13800000004",
  );
  await expect(page.getByRole("heading", { name: "住户" })).toBeVisible();
  await expect(page.getByText(/共 \d+ 户/)).toBeVisible();
  await page.screenshot({ path: "test-results/mobile-grid.png" });
  await page.screenshot({ path: "test-results/mobile-grid-full.png", fullPage: true });

  // Search the households by a part of the address, then open one.
  await page.getByPlaceholder("搜索地址，如 3栋、502").fill("101");
  await page.getByPlaceholder("搜索地址，如 3栋、502").press("Enter");
  const household = page.locator(".adm-list-item").filter({ hasText: "101" }).first();
  await expect(household).toBeVisible();
  await household.click();
  await expect(page).toHaveURL(/\/mobile\/households\//);
  await expect(page.getByRole("heading", { name: "家庭成员" })).toBeVisible();
  await page.screenshot({ path: "test-results/mobile-household.png", fullPage: true });

  // In English, from 我的's language switch.
  await page.getByText("我的", { exact: true }).click();
  await page.getByText("English", { exact: true }).click();
  await page.goto("/mobile/grid");
  await expect(page.getByRole("heading", { name: "Grid staff" })).toBeVisible();
  await page.screenshot({ path: "test-results/mobile-grid-en.png" });
});
