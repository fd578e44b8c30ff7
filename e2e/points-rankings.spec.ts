import { expect, type Page, test } from "@playwright/test";
import { DEMO_PASSWORD } from "./login.ts";

// 积分榜单 and 信用授权 as people see them: the community's rankings at the desk, the bank consents,
// the resident's consent on his phone, the star members on the wall and the 积分榜 on the big screen.
test.describe.configure({ mode: "serial" });

const COMMUNITY_STAFF = "13800000003";
const DISTRICT_ADMIN = "13800000001";
const RESIDENT = "13800000007";
const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

async function signInAs(page: Page, who: string) {
  await page.context().clearCookies();
  const res = await page.request.post("/api/v1/auth/login", {
    data: { phone: who, password: DEMO_PASSWORD },
  });
  expect(res.ok()).toBe(true);
}

test.describe("at the desk (1366×768)", () => {
  test.use({ viewport: { width: 1366, height: 768 } });

  test("the community worker opens the published star-member ranking", async ({ page }, testInfo) => {
    await signInAs(page, COMMUNITY_STAFF);
    await page.goto("/admin/points/rankings");
    const row = page.locator(".ant-table-tbody tr.ant-table-row", { hasText: "明星党员" }).first();
    await expect(row).toContainText("已公布");
    await page.screenshot({ path: testInfo.outputPath("rankings.png") });
    await row.getByRole("button").click();
    await expect(page.locator(".ant-drawer .ant-table-row").first()).toBeVisible();
    await expect(page.locator(".ant-drawer").getByRole("button", { name: /撤\s?下/ })).toBeInViewport();
    await page.screenshot({ path: testInfo.outputPath("ranking-drawer.png") });
  });

  test("the district administrator sees the consents and the bank's export buttons", async ({
    page,
  }, testInfo) => {
    await signInAs(page, DISTRICT_ADMIN);
    await page.goto("/admin/points/credit");
    await expect(page.locator(".ant-table-tbody tr.ant-table-row").first()).toContainText("兴安农商银行");
    await expect(page.getByRole("link", { name: /导出居民信用积分/ })).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath("credit.png") });
  });

  test("the big screen shows the 积分榜", async ({ page }, testInfo) => {
    await page.setViewportSize({ width: 1920, height: 1080 });
    await signInAs(page, DISTRICT_ADMIN);
    await page.goto("/screen");
    await expect(page.getByTestId("points-board").locator("li").first()).toBeVisible({ timeout: 20_000 });
    await expect(page.getByTestId("points-board")).toContainText("*");
    await page.screenshot({ path: testInfo.outputPath("screen.png") });
  });
});

test.describe("on the phone", () => {
  test.use(phone);

  test("the resident sees what is shared and withdraws, then consents again", async ({ page }, testInfo) => {
    await signInAs(page, RESIDENT);
    await page.goto("/mobile/points/credit");
    await expect(page.getByTestId("credit-granted")).toContainText("兴安农商银行");
    await page.screenshot({ path: testInfo.outputPath("phone-credit.png"), fullPage: true });
    await page.getByRole("button", { name: "撤回授权" }).first().click();
    await page.locator(".adm-dialog").getByRole("button", { name: "撤回授权" }).click();
    await expect(page.getByTestId("credit-granted")).toHaveCount(0);
    await page.getByRole("button", { name: "同意授权" }).first().click();
    await page.locator(".adm-dialog").getByRole("button", { name: "同意授权" }).click();
    await expect(page.getByTestId("credit-granted")).toContainText("兴安农商银行");
  });

  test("the community's wall shows its star members, masked", async ({ page }, testInfo) => {
    await signInAs(page, COMMUNITY_STAFF);
    const me = await (await page.request.get("/api/v1/auth/me")).json();
    const communityId = me.user.roles[0].nodeId;
    await page.context().clearCookies();
    await page.goto(`/mobile/engagement/walls/${communityId}?tab=stars`);
    await expect(page.getByTestId("wall-stars").locator("li").first()).toContainText("*");
    await page.screenshot({ path: testInfo.outputPath("wall-stars.png"), fullPage: true });
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.goto(`/mobile/engagement/walls/${communityId}?screen=1`);
    await expect(page.getByTestId("wall-stars")).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath("wall-screen.png") });
  });
});
