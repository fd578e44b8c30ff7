import { expect, type Page, test } from "@playwright/test";
import { mobileLogin } from "./login.ts";

// 积分超市 end to end on a phone: the resident redeems the haircut at 吴美玲's barber's and is shown
// the code; the barber types the code, sees what and for whom, and confirms; the resident's
// redemption then reads 已领取.
test.describe.configure({ mode: "serial" });
test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

const RESIDENT = "13800000007";
const MERCHANT = "13800000009";
const ITEM = "理发一次";

async function signInAs(page: Page, who: string) {
  await page.context().clearCookies();
  await mobileLogin(page, who);
  await expect(page.getByRole("heading", { name: /您好$/ })).toBeVisible();
}

let code = "";

test("the resident redeems an item in 积分超市 and is shown the code", async ({ page }) => {
  await signInAs(page, RESIDENT);
  await page
    .getByRole("link", { name: "积分超市" })
    .or(page.getByText("积分超市", { exact: true }))
    .first()
    .click();
  await expect(page).toHaveURL(/\/mobile\/points\/shop$/);
  const card = page.getByTestId("shop-item").filter({ hasText: ITEM }).first();
  await expect(card).toBeVisible();
  await expect(card.getByText(/剩余 \d+ 件/)).toBeVisible();
  await card.getByRole("button", { name: "兑换" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByText(/兑换「理发一次」需要 20 睦邻积分，兑换后剩余 \d+ 积分/)).toBeVisible();
  await page.screenshot({ path: "test-results/points-shop-confirm.png" });
  await dialog.getByRole("button", { name: "确认兑换" }).click();
  await expect(page).toHaveURL(/\/mobile\/points\/redemptions/);
  const mine = page.getByTestId("my-redemption").first();
  await expect(mine.getByRole("heading", { name: ITEM })).toBeVisible();
  await expect(mine.getByTestId("redemption-status")).toHaveText("待领取");
  await expect(mine.getByTestId("redemption-qr")).toBeVisible();
  code = ((await mine.getByTestId("redemption-code").textContent()) ?? "").trim();
  expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
  await page.screenshot({ path: "test-results/points-shop-code.png" });
});

test("the shop types the code, sees what and for whom, and confirms", async ({ page }) => {
  await signInAs(page, MERCHANT);
  await page.getByText("扫码核销", { exact: true }).first().click();
  await expect(page).toHaveURL(/\/mobile\/points\/scan$/);
  await page.getByRole("textbox", { name: "输入兑换码" }).fill(code);
  await page.getByRole("button", { name: "查询" }).click();
  const found = page.getByTestId("scan-found");
  await expect(found.getByTestId("scan-item")).toHaveText(ITEM);
  await expect(found.getByTestId("scan-holder")).toHaveText(/\*/);
  await page.screenshot({ path: "test-results/points-shop-scan.png" });
  await found.getByRole("button", { name: "确认核销" }).click();
  await expect(page.getByTestId("scan-result")).toContainText("核销成功");
  // The same code again is refused, saying when it was collected.
  await page.getByRole("textbox", { name: "输入兑换码" }).fill(code);
  await page.getByRole("button", { name: "查询" }).click();
  await expect(page.getByTestId("scan-result")).toContainText("不能重复领取");
});

test("the resident sees the redemption collected", async ({ page }) => {
  await signInAs(page, RESIDENT);
  await page.goto("/mobile/points/redemptions");
  const mine = page.getByTestId("my-redemption").first();
  await expect(mine.getByRole("heading", { name: ITEM })).toBeVisible();
  await expect(mine.getByTestId("redemption-status")).toHaveText("已领取");
  await expect(mine.getByTestId("redemption-code")).toHaveCount(0);
});

test.describe("at the desk", () => {
  test.use({ viewport: { width: 1366, height: 768 }, isMobile: false, hasTouch: false });

  test("the community worker sees the shelves with their stock, and the collected redemption", async ({
    page,
  }) => {
    await page.context().clearCookies();
    const res = await page.request.post("/api/v1/auth/login", {
      data: { phone: "13800000003", password: "demo12345" },
    });
    expect(res.ok()).toBe(true);
    await page.goto("/admin/points/shop");
    const row = page.getByRole("row", { name: new RegExp(ITEM) });
    await expect(row).toBeVisible();
    await expect(row.getByText("美玲便民理发店")).toBeVisible();
    await page.getByRole("button", { name: "新增物品" }).click();
    await expect(page.getByText("挂在哪个区、街道或社区下")).toBeVisible();
    await page.screenshot({ path: "test-results/points-shop-admin-items.png" });
    await page.keyboard.press("Escape");
    await page.getByRole("tab", { name: "兑换记录" }).click();
    await expect(page.getByRole("row", { name: /理发一次.*已领取/ }).first()).toBeVisible();
    await page.screenshot({ path: "test-results/points-shop-admin-redemptions.png" });
  });
});
