import { expect, test } from "@playwright/test";
import { adminLogin, mobileLogin } from "./login.ts";

// 我的积分 on the phone (balance, 明细 adding up), 民主评议 with word buttons, and the 积分账本 card
// saying in words that the ledger balances.
test.describe.configure({ mode: "serial" });

const COMMUNITY_STAFF = "13800000003";
const PARTY_MEMBER = "13800000006";
const RESIDENT = "13800000007";
const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

test.describe("on the phone", () => {
  test.use(phone);

  test("the resident sees his balance and the month's statement", async ({ page }) => {
    await mobileLogin(page, RESIDENT);
    await page.getByText("我的积分", { exact: true }).first().click();
    await expect(page).toHaveURL(/\/mobile\/points$/);
    const card = page.getByTestId("points-resident");
    await expect(card).toContainText("当前积分");
    await expect(card).toContainText("本半年得分");
    await page
      .getByRole("button", { name: /积分明细/ })
      .first()
      .click();
    await expect(page).toHaveURL(/\/mobile\/points\/statement/);
    await expect(page.getByText("月初余额")).toBeVisible();
    await expect(page.getByText("月末余额")).toBeVisible();
    await page.screenshot({ path: "test-results/points-statement.png" });
  });

  test("the party member appraises with word buttons", async ({ page }) => {
    await mobileLogin(page, PARTY_MEMBER);
    await page.getByText("我的积分", { exact: true }).first().click();
    await expect(page).toHaveURL(/\/mobile\/points$/);
    await page.getByRole("button", { name: "民主评议" }).last().click();
    await expect(page).toHaveURL(/\/mobile\/points\/appraise$/);
    const first = page.getByTestId("appraise-member").first();
    await expect(first).toContainText("（本人）");
    await page.screenshot({ path: "test-results/points-appraise.png" });
    const good = first.getByRole("button", { name: "好", exact: true });
    if (await good.isVisible()) {
      await good.click();
      await expect(first).toContainText("已评：好");
    }
  });
});

test("the community worker sees the ledger balance in words and a statement", async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await adminLogin(page, COMMUNITY_STAFF);
  await page.getByRole("menu").getByRole("menuitem", { name: "积分账本" }).click();
  await expect(page).toHaveURL(/\/admin\/points\/ledger/);
  await expect(page.getByTestId("ledger-check")).toContainText("账目平衡：发放");
  // antd spaces two-character labels ("明 细").
  await page
    .getByRole("button", { name: /^明\s?细$/ })
    .first()
    .click();
  await expect(page.getByRole("dialog")).toContainText("月初余额");
  await page.screenshot({ path: "test-results/points-ledger.png" });
  await page.keyboard.press("Escape");
  await page.getByRole("menu").getByRole("menuitem", { name: "民主评议" }).click();
  await expect(page).toHaveURL(/\/admin\/points\/appraisal/);
  await page
    .getByRole("button", { name: /^查\s?看$/ })
    .first()
    .click();
  await expect(page.getByRole("dialog")).toContainText("结束评议并兑现");
  await page.screenshot({ path: "test-results/points-appraisal.png" });
});
