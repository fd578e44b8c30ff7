import { expect, type Page, test } from "@playwright/test";
import { adminLogin, DEMO_PASSWORD } from "./login.ts";

// A promise from the member's phone to the public wall: he writes it with his photo, the community
// worker puts it on the wall at her desk, and anyone sees it there under his masked name.
test.describe.configure({ mode: "serial" });

const COMMUNITY_STAFF = "13800000003";
const PARTY_MEMBER = "13800000006";
const promise = `每周三帮楼里老人买菜（${Date.now() % 100_000}）`;

/** A 1×1 PNG: the smallest photo the server accepts. */
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);
const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

async function signInAs(page: Page, who: string) {
  await page.context().clearCookies();
  const res = await page.request.post("/api/v1/auth/login", {
    data: { phone: who, password: DEMO_PASSWORD },
  });
  expect(res.ok()).toBe(true);
  return (await res.json()).user as { name: string };
}

test.describe("on the phone", () => {
  test.use(phone);

  test("the member writes this year's promise with his photo", async ({ page }) => {
    await signInAs(page, PARTY_MEMBER);
    await page.goto("/mobile/");
    await page.getByRole("button", { name: "我的承诺" }).click();
    await expect(page).toHaveURL(/\/mobile\/engagement\/promise$/);
    await page.getByPlaceholder(/每月参加一次社区志愿服务/).fill(promise);
    await page
      .locator("input[type=file]")
      .setInputFiles({ name: "me.png", mimeType: "image/png", buffer: PNG });
    await expect(page.locator('.adm-image-uploader img[src^="/api/v1/files/"]')).toBeVisible();
    await page.getByRole("button", { name: "提交承诺" }).click();
    await expect(page.getByText(promise)).toBeVisible();
    await expect(page.getByText("待审核")).toBeVisible();
    await page.screenshot({ path: "test-results/walls-promise.png", fullPage: true });
  });
});

test("the community worker puts it on the wall", async ({ page }) => {
  await adminLogin(page, COMMUNITY_STAFF);
  await page.getByRole("menu").getByRole("menuitem", { name: "党员风采墙" }).click();
  await expect(page).toHaveURL(/\/admin\/engagement\/walls/);
  const row = page.getByRole("row").filter({ hasText: promise });
  await expect(row).toBeVisible();
  await expect(row).toContainText("待审核");
  await row.getByRole("button", { name: /^上\s?墙$/ }).click();
  await expect(page.getByText("已上墙").first()).toBeVisible();
  await expect(row).toContainText("已上墙");
  await expect(page.getByRole("link", { name: /打开公开页/ })).toBeVisible();
  await page.screenshot({ path: "test-results/walls-admin.png", fullPage: true });
});

test.describe("on the wall", () => {
  test.use(phone);

  test("anyone sees it under the member's masked name", async ({ page }) => {
    const me = await signInAs(page, PARTY_MEMBER);
    await page.goto("/mobile/engagement/promise");
    // Exact: the live notice "新消息：您的承诺已上墙" may be showing too.
    await expect(page.getByText("已上墙", { exact: true })).toBeVisible();
    await page.getByRole("link", { name: /看看社区的风采墙/ }).click();
    await expect(page).toHaveURL(/\/mobile\/engagement\/walls\/[0-9a-f-]{36}$/);
    const wallUrl = page.url();
    // Signed out: the wall is public.
    await page.context().clearCookies();
    await page.goto(wallUrl);
    const card = page.locator(".wall-card").filter({ hasText: promise });
    await expect(card).toBeVisible();
    const masked = `${me.name[0]}${"*".repeat(me.name.length - 1)}`;
    await expect(card).toContainText(masked);
    await expect(page.locator("body")).not.toContainText(me.name);
    await page.screenshot({ path: "test-results/walls-public.png", fullPage: true });
    await page.goto(`${wallUrl}?screen=1`);
    await expect(page.getByRole("heading", { name: "承诺墙" })).toBeVisible();
    await expect(page.locator(".wall-card").filter({ hasText: promise })).toBeVisible();
  });
});

test("the community worker reads the units' yearly ranking and one unit's members", async ({ page }) => {
  await adminLogin(page, COMMUNITY_STAFF);
  await page.getByRole("menu").getByRole("menuitem", { name: "共建考核" }).click();
  await expect(page).toHaveURL(/\/admin\/engagement\/assessment/);
  await expect(page.getByText("报到率 40%")).toBeVisible();
  await expect(page.getByText("评分办法")).toBeVisible();
  const first = page.locator(".ant-table-tbody tr.ant-table-row").first();
  await expect(first).toBeVisible();
  await page.screenshot({ path: "test-results/walls-assessment.png", fullPage: true });
  await first.getByRole("button").first().click();
  await expect(page).toHaveURL(/unitId=/);
  await expect(page.getByRole("button", { name: /返回排名/ })).toBeVisible();
  await expect(page.locator(".ant-table-tbody tr.ant-table-row").first()).toBeVisible();
});
