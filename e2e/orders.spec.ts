import { expect, type Page, test } from "@playwright/test";
import { adminLogin, DEMO_PASSWORD } from "./login.ts";

// A phone near the demo district's first community, with its location allowed.
test.use({
  viewport: { width: 390, height: 844 },
  isMobile: true,
  hasTouch: true,
  geolocation: { latitude: 26.335, longitude: 115.345 },
  permissions: ["geolocation"],
});

const COMMUNITY_STAFF = "13800000003";
const PARTY_MEMBER = "13800000006";

/** A 1×1 PNG: the smallest photo the server accepts. */
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);

async function signInAs(page: Page, phone: string) {
  await page.context().clearCookies();
  const res = await page.request.post("/api/v1/auth/login", { data: { phone, password: DEMO_PASSWORD } });
  expect(res.ok()).toBe(true);
}

const status = (page: Page) => page.getByTestId("order-status").first();

test("a member grabs an order in the hall, arrives and completes it with a photo; the staff page shows it completed", async ({
  page,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const title = `帮独居老人代取快递（${Date.now() % 100_000}）`;

  // The community publishes an order for a household of its area.
  await signInAs(page, COMMUNITY_STAFF);
  const households = await page.request.get("/api/v1/people/households?pageSize=1");
  const [home] = (await households.json()).items;
  const published = await page.request.post("/api/v1/orders", {
    data: {
      categoryCode: "errand",
      title,
      description: "驿站有两个包裹，请代取送上楼",
      householdId: home.id,
    },
    // A cookie-carried write must say it comes from this site.
    headers: { origin: baseURL ?? "" },
  });
  expect(published.status(), await published.text()).toBe(201);
  const { code } = await published.json();

  // 抢单大厅 on the member's phone: the order, its distance, the big 抢单 button.
  await signInAs(page, PARTY_MEMBER);
  await page.goto("/mobile/");
  await page.getByRole("button", { name: "抢单大厅" }).click();
  await expect(page).toHaveURL(/\/mobile\/orders\/hall$/);
  const card = page.getByTestId("order-item").filter({ hasText: title });
  await expect(card).toBeVisible();
  await expect(card).toContainText(/距您 [\d.]+ (米|公里)/);
  await page.screenshot({ path: "test-results/orders-hall.png", fullPage: true });
  await card.getByRole("button", { name: "抢单" }).click();

  // Grabbed: the order's page, with the way there, 已到达, 完成服务 and 放弃订单.
  await expect(page).toHaveURL(new RegExp(`/mobile/orders/${code}$`));
  await expect(page.getByTestId("order-code")).toHaveText(code);
  await expect(status(page)).toHaveText("已接单 · 待到场");
  await expect(page.getByRole("link", { name: "导航前往" })).toHaveAttribute(
    "href",
    /^https:\/\/uri\.amap\.com\/marker\?position=[\d.]+,[\d.]+&name=/,
  );
  await expect(page.getByRole("button", { name: "放弃订单" })).toBeVisible();
  await page.screenshot({ path: "test-results/orders-grabbed.png", fullPage: true });
  await page.getByRole("button", { name: "已到达" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "确定" }).click();
  await expect(status(page)).toHaveText("服务中");

  await page.getByRole("button", { name: "完成服务" }).click();
  const sheet = page.getByRole("dialog", { name: "完成服务" });
  await sheet.getByPlaceholder(/已帮老人取回药品/).fill("已从驿站取回两个包裹，送到老人家中");
  // A photo is required: without one the sheet says so.
  await sheet.getByRole("button", { name: "确定" }).click();
  await expect(sheet.getByRole("alert")).toHaveText("请至少上传一张服务照片");
  await sheet
    .locator("input[type=file]")
    .setInputFiles({ name: "done.png", mimeType: "image/png", buffer: PNG });
  await expect(sheet.locator('.adm-image-uploader img[src^="/api/v1/files/"]')).toBeVisible();
  await page.screenshot({ path: "test-results/orders-complete.png" });
  await sheet.getByRole("button", { name: "确定" }).click();
  await expect(status(page)).toHaveText("已完成 · 待评价");
  await expect(page.getByTestId("order-timeline")).toContainText("已从驿站取回两个包裹");

  // The community's admin page: the order is completed, with the taker's note in its history.
  await page.context().clearCookies();
  await page.setViewportSize({ width: 1280, height: 900 });
  await adminLogin(page, COMMUNITY_STAFF);
  await page.getByRole("menu").getByRole("menuitem", { name: "抢单派单" }).click();
  await expect(page).toHaveURL(/\/admin\/orders/);
  await page.getByPlaceholder("搜索编号或标题").fill(code);
  await page.getByPlaceholder("搜索编号或标题").press("Enter");
  const row = page.locator(".ant-table-tbody tr.ant-table-row").filter({ hasText: code });
  await expect(row).toContainText("已完成 · 待评价");
  await expect(row).toContainText("赵明亮");
  await row.click();
  await expect(page.getByTestId("order-header")).toContainText("已完成 · 待评价");
  await expect(page.getByTestId("order-event").filter({ hasText: "完成服务" })).toContainText(
    "已从驿站取回两个包裹",
  );
  await page.screenshot({ path: "test-results/orders-admin-detail.png", fullPage: true });
});
