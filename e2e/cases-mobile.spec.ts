import { expect, type Page, test } from "@playwright/test";
import { DEMO_PASSWORD } from "./login.ts";

test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

const RESIDENT = "13800000007";
const GRID_WORKER = "13800000004";

/** A 1×1 PNG: the smallest photo the server accepts. */
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);

/** Signs in as another person (the login page itself is tested in mobile.spec.ts), then opens the home page. */
async function signInAs(page: Page, phone: string) {
  await page.context().clearCookies();
  const res = await page.request.post("/api/v1/auth/login", { data: { phone, password: DEMO_PASSWORD } });
  expect(res.ok()).toBe(true);
  await page.goto("/mobile/");
  await expect(page.getByRole("heading", { name: /您好$/ })).toBeVisible();
}

const status = (page: Page) => page.getByTestId("case-status").first();

test("a request from a resident's phone, through the grid worker's inbox, to the resident's rating", async ({
  page,
}) => {
  test.setTimeout(120_000);

  // 我要反映: kind, words, one photo, "my household"; the code comes back.
  await signInAs(page, RESIDENT);
  await page.getByRole("button", { name: "我要反映" }).click();
  await expect(page).toHaveURL(/\/mobile\/cases\/new$/);
  await page.getByText("环境卫生", { exact: true }).click();
  await page.getByPlaceholder(/请说说发生了什么/).fill("3栋楼下的垃圾已经堆了两天，气味很大，请尽快清运。");
  await page
    .locator("input[type=file]")
    .setInputFiles({ name: "photo.png", mimeType: "image/png", buffer: PNG });
  await expect(page.locator('.adm-image-uploader img[src^="/api/v1/files/"]')).toBeVisible();
  await page.getByRole("button", { name: /就在我家/ }).click();
  await expect(page.getByTestId("case-place")).toContainText("地址：");
  await page.screenshot({ path: "test-results/cases-mobile-form.png", fullPage: true });
  await page.getByRole("button", { name: "提交", exact: true }).click();

  await expect(page).toHaveURL(/\/mobile\/cases\/[A-Z]+-\d{8}-\d{4}\/submitted$/);
  const code = (await page.getByTestId("case-code").textContent()) ?? "";
  expect(code).toMatch(/^[A-Z]+-\d{8}-\d{4}$/);
  await page.screenshot({ path: "test-results/cases-mobile-submitted.png" });
  await page.getByRole("button", { name: "查看办理进度" }).click();
  await expect(page.getByTestId("detail-code")).toHaveText(code);
  await expect(status(page)).toHaveText("待网格收单");
  await expect(page.getByTestId("case-timeline")).toContainText("提交诉求");

  // 网格待办: the grid worker finds it, receives it (收单) and resolves it (办结) with a note.
  await signInAs(page, GRID_WORKER);
  await page.getByRole("button", { name: "网格待办" }).click();
  await expect(page).toHaveURL(/\/mobile\/cases\/inbox$/);
  const item = page.getByTestId("case-item").filter({ hasText: code });
  await expect(item).toBeVisible();
  await page.screenshot({ path: "test-results/cases-mobile-inbox.png", fullPage: true });
  await item.click();
  await expect(page.getByTestId("detail-code")).toHaveText(code);
  await page.getByRole("button", { name: "收单", exact: true }).click();
  await page.getByRole("dialog").getByRole("button", { name: "确定" }).click();
  await expect(status(page)).toHaveText("网格办理中");
  await page.getByRole("button", { name: "办结", exact: true }).click();
  const sheet = page.getByRole("dialog", { name: "办结" });
  await sheet.getByPlaceholder(/已联系保洁清运/).fill("已联系保洁公司清运，楼下已打扫干净。");
  await page.screenshot({ path: "test-results/cases-mobile-resolve.png" });
  await sheet.getByRole("button", { name: "确定" }).click();
  await expect(status(page)).toHaveText("已办结 · 待评价");
  await expect(page.getByTestId("case-timeline")).toContainText("已联系保洁公司清运");

  // 我的诉求: the resident sees it resolved, rates it five stars, and the timeline shows the rating.
  await signInAs(page, RESIDENT);
  await page.getByRole("button", { name: "我的诉求" }).click();
  const mine = page.getByTestId("case-item").filter({ hasText: code });
  await expect(mine).toContainText("已办结 · 待评价");
  await page.screenshot({ path: "test-results/cases-mobile-mine.png", fullPage: true });
  await mine.click();
  await expect(page.getByRole("heading", { name: "评价办理结果" })).toBeVisible();
  // The stars follow the finger (touch events), as on a phone.
  await page.getByRole("radio", { name: "5" }).tap();
  await expect(page.getByText("5 星 · 非常满意")).toBeVisible();
  await page.getByPlaceholder(/还有什么想说的/).fill("处理得很快，谢谢网格员。");
  await page.getByRole("button", { name: "提交评价" }).click();
  await expect(status(page)).toHaveText("已评价 · 已关闭");
  const timeline = page.getByTestId("case-timeline");
  await expect(timeline).toContainText("评价");
  await expect(timeline).toContainText("5 星");
  await expect(timeline).toContainText("处理得很快，谢谢网格员。");
  await expect(timeline.getByTestId("case-status").first()).toHaveText("已评价 · 已关闭");
  await expect(page.getByText("感谢您的评价")).toBeHidden();
  await page.screenshot({ path: "test-results/cases-mobile-rated.png", fullPage: true });
});
