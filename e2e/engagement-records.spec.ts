import { expect, type Page, test } from "@playwright/test";
import { adminLogin, DEMO_PASSWORD } from "./login.ts";

// 纪实手册 through two pairs of hands: the member adds a service on his phone, the community
// approves it at the desk and he sees it counted; then the community writes his quarter's
// feedback card, sends it to his unit and downloads it as a PDF.
test.describe.configure({ mode: "serial" });

const COMMUNITY_STAFF = "13800000003";
const PARTY_MEMBER = "13800000006";
const title = `参加社区主题党日（${Date.now() % 100_000}）`;
const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

async function signInAs(page: Page, who: string) {
  await page.context().clearCookies();
  const res = await page.request.post("/api/v1/auth/login", {
    data: { phone: who, password: DEMO_PASSWORD },
  });
  expect(res.ok()).toBe(true);
}

const myRecord = (page: Page) => page.getByTestId("my-record").filter({ hasText: title });

test.describe("on the phone", () => {
  test.use(phone);

  test("the member adds a service of this quarter, and it waits for review", async ({ page }) => {
    await signInAs(page, PARTY_MEMBER);
    await page.goto("/mobile/");
    await page.getByRole("button", { name: "我的纪实" }).click();
    await expect(page).toHaveURL(/\/mobile\/engagement\/record$/);
    await expect(page.getByText("本季度服务")).toBeVisible();
    await page.getByPlaceholder(/参加社区主题党日活动/).fill(title);
    await page.getByRole("button", { name: "提交" }).first().click();
    await expect(myRecord(page)).toBeVisible();
    await expect(myRecord(page)).toContainText("待审核");
  });
});

test("the community approves it at the desk", async ({ page }) => {
  await adminLogin(page, COMMUNITY_STAFF);
  await page.getByRole("menu").getByRole("menuitem", { name: "服务纪实" }).click();
  await expect(page.getByRole("tab", { name: "待审核" })).toHaveAttribute("aria-selected", "true");
  const row = page.getByTestId("record-row").filter({ hasText: title });
  await row.getByRole("button", { name: /^通\s?过$/ }).click();
  await expect(row).toHaveCount(0);
});

test.describe("back on the phone", () => {
  test.use(phone);

  test("the member sees it counted", async ({ page }) => {
    await signInAs(page, PARTY_MEMBER);
    await page.goto("/mobile/engagement/record");
    await expect(myRecord(page)).toContainText("已通过");
    await expect(page.getByTestId("six-ones-progress")).toBeVisible();
  });
});

test("the community writes his feedback card, sends it to his unit and downloads the PDF", async ({
  page,
}) => {
  await signInAs(page, PARTY_MEMBER);
  const mine = await (await page.request.get("/api/v1/engagement/records?mine=1&pageSize=1")).json();
  const unitName: string = mine.items[0].unitName;
  await page.context().clearCookies();
  await adminLogin(page, COMMUNITY_STAFF);
  await page.getByRole("menu").getByRole("menuitem", { name: "服务纪实" }).click();
  await page.getByRole("tab", { name: "反馈卡" }).click();
  await page.getByTestId("unit-select").click();
  await page.locator(".ant-select-item-option").filter({ hasText: unitName }).click();
  const row = page.getByTestId("card-row").filter({ hasText: "赵明亮" });
  await row.getByRole("button", { name: /^(填\s?写|修\s?改)$/ }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByRole("textbox").fill("积极参加社区活动，服务群众热情主动。");
  await dialog.getByRole("button", { name: /^(确\s?定|OK)$/ }).click();
  await expect(row).toContainText("未报送");
  await row.getByRole("button", { name: "报送单位" }).click();
  await page
    .getByRole("tooltip")
    .getByRole("button", { name: /^(确\s?定|OK)$/ })
    .click();
  await expect(row).toContainText("已报送");
  const download = page.waitForEvent("download");
  await row.getByRole("link", { name: "下载 PDF" }).click();
  expect((await download).suggestedFilename()).toMatch(/\.pdf$/);
});
