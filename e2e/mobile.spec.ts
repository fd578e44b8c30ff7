import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD } from "./login.ts";

test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

test("resident on a phone: greeting, 我的 with a masked number, log out", async ({ page }) => {
  await page.goto("/mobile/");
  await expect(page).toHaveURL(/\/mobile\/login$/);
  await page.getByLabel("手机号").fill("13800000007");
  await page.getByLabel("密码").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "登录", exact: true }).click();

  await expect(page.getByRole("heading", { name: "孙秀英，您好" })).toBeVisible();
  await expect(page.getByText("更多服务即将上线")).toBeVisible();
  await page.screenshot({ path: "test-results/mobile-home.png" });

  await page.getByText("我的").click();
  await expect(page.getByText("138****0007")).toBeVisible();
  await expect(page.getByText("13800000007")).toHaveCount(0);
  await page.screenshot({ path: "test-results/mobile-me.png" });

  await page.getByRole("button", { name: "退出登录" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "退出登录" }).click();
  await expect(page).toHaveURL(/\/mobile\/login$/);
  await expect(page.getByRole("button", { name: "登录", exact: true })).toBeVisible();
});
