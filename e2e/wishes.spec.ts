import { expect, type Page, test } from "@playwright/test";
import { adminLogin, DEMO_PASSWORD } from "./login.ts";

// One wish through four pairs of hands: the resident makes it on her phone, the community worker
// approves it at the desk, anyone sees it on the wall (her name masked), and a party member claims it.
test.describe.configure({ mode: "serial" });

const RESIDENT = "13800000007";
const COMMUNITY_STAFF = "13800000003";
const PARTY_MEMBER = "13800000006";
const title = `想要一本新华字典（${Date.now() % 100_000}）`;

/** A 1×1 PNG: the smallest photo the server accepts. */
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);

const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

/** Signs in as another person on the phone pages (the login form itself is tested in mobile.spec.ts). */
async function signInAs(page: Page, who: string) {
  await page.context().clearCookies();
  const res = await page.request.post("/api/v1/auth/login", {
    data: { phone: who, password: DEMO_PASSWORD },
  });
  expect(res.ok()).toBe(true);
  await page.goto("/mobile/");
  await expect(page.getByRole("heading", { name: /您好$/ })).toBeVisible();
}

const card = (page: Page) => page.getByTestId("wish-card").filter({ hasText: title });

test.describe("on the phone", () => {
  test.use(phone);

  test("the resident makes a wish from the wall, and it waits for review", async ({ page }) => {
    await signInAs(page, RESIDENT);
    await page.getByRole("button", { name: "心愿墙" }).click();
    await expect(page).toHaveURL(/\/mobile\/wishes$/);
    await expect(page.getByRole("heading", { name: "心愿墙" })).toBeVisible();
    await page.getByRole("button", { name: /许个心愿/ }).click();
    await expect(page).toHaveURL(/\/mobile\/wishes\/new$/);
    await page.getByPlaceholder(/想要一套初中数学辅导书/).fill(title);
    await page.getByText("学习用品", { exact: true }).click();
    await page.getByPlaceholder(/说说为什么需要/).fill("孙女刚上三年级，老师要求自备字典。");
    await page
      .locator("input[type=file]")
      .setInputFiles({ name: "dict.png", mimeType: "image/png", buffer: PNG });
    await expect(page.locator('.adm-image-uploader img[src^="/api/v1/files/"]')).toBeVisible();
    await page.screenshot({ path: "test-results/wishes-form.png", fullPage: true });
    await page.getByRole("button", { name: "提交心愿" }).click();

    await expect(page).toHaveURL(/\/mobile\/wishes\/mine$/);
    await expect(card(page)).toBeVisible();
    await expect(card(page).getByTestId("wish-status")).toHaveText("待审核");
    await expect(card(page).getByRole("button", { name: "撤回心愿" })).toBeVisible();
  });
});

test("the community worker approves it to the wall", async ({ page }) => {
  await adminLogin(page, COMMUNITY_STAFF);
  await page.getByRole("menu").getByRole("menuitem", { name: "微心愿" }).click();
  await expect(page).toHaveURL(/\/admin\/wishes/);
  await expect(page.getByRole("tab", { name: "待审核" })).toHaveAttribute("aria-selected", "true");
  const row = page.getByTestId("wish-row").filter({ hasText: title });
  await expect(row).toBeVisible();
  await expect(row).toContainText("孙**");
  await page.screenshot({ path: "test-results/wishes-admin-review.png", fullPage: true });
  await row.getByRole("button", { name: "通过并上墙" }).click();
  await expect(page.getByText("已发布到心愿墙")).toBeVisible();
  await expect(row).toBeHidden();

  // The list has it published, and its page shows its history.
  await page.getByRole("tab", { name: "全部心愿" }).click();
  // Typed before the tab has switched, the search would land in the review tab's box.
  await expect(page.getByRole("tab", { name: "全部心愿" })).toHaveAttribute("aria-selected", "true");
  await expect(page).toHaveURL(/tab=list/);
  await page.getByLabel("编号、心愿内容").fill(title);
  await page.getByLabel("编号、心愿内容").press("Enter");
  const listed = page.getByTestId("wish-row").filter({ hasText: title });
  await expect(listed.getByTestId("wish-status")).toHaveText("待认领");
  await listed.click();
  await expect(page.getByTestId("wish-event")).toHaveCount(2);
  await expect(page.getByTestId("wish-event").nth(1)).toContainText("审核通过");
  await page.getByRole("link", { name: /返回微心愿/ }).click();
  await page.getByRole("tab", { name: "统计分析" }).click();
  await expect(page.getByRole("row", { name: /^合计/ })).toBeVisible();
  await page.screenshot({ path: "test-results/wishes-admin-stats.png", fullPage: true });
});

test.describe("on the phone again", () => {
  test.use(phone);

  test("anyone sees it on the wall with the name masked, and the party member claims it", async ({
    page,
  }) => {
    // A visitor without an account.
    await page.context().clearCookies();
    await page.goto("/mobile/wishes");
    await expect(card(page)).toBeVisible();
    await expect(card(page).getByTestId("wish-wisher")).toHaveText("心愿人：孙**");
    await expect(page.getByText("孙秀英")).toHaveCount(0);
    await expect(card(page).locator("img")).toHaveCount(1);
    await expect(card(page).getByRole("button", { name: "我来认领" })).toHaveCount(0);
    await page.screenshot({ path: "test-results/wishes-wall.png", fullPage: true });

    await signInAs(page, PARTY_MEMBER);
    await page.getByRole("button", { name: "心愿墙" }).click();
    await card(page).getByRole("button", { name: "我来认领" }).click();
    const sheet = page.getByRole("dialog", { name: "认领这个心愿" });
    await expect(sheet.getByText("本人（赵明亮）")).toBeVisible();
    await page.screenshot({ path: "test-results/wishes-claim.png" });
    await sheet.getByRole("button", { name: "确认认领" }).click();
    await expect(page.getByText("认领成功，请尽快联系心愿人")).toBeVisible();
    await expect(card(page)).toBeHidden();

    await page.getByRole("tab", { name: "已认领" }).click();
    await expect(card(page).getByTestId("wish-status")).toHaveText("已认领");
    await expect(card(page)).toContainText("认领：赵**");

    // 我认领的心愿: the wisher's contact, to arrange the delivery.
    await page.getByRole("button", { name: /我的心愿/ }).click();
    await page.getByRole("tab", { name: "我认领的心愿" }).click();
    await card(page)
      .getByRole("button", { name: /心愿人联系方式/ })
      .click();
    await expect(card(page).getByTestId("wisher-contact")).toHaveText("孙秀英 13800000007");
    await expect(card(page).getByRole("button", { name: "已帮助实现" })).toBeVisible();
    await page.screenshot({ path: "test-results/wishes-mine-claimed.png", fullPage: true });
  });
});
