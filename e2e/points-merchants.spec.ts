import { expect, type Page, test } from "@playwright/test";
import { DEMO_PASSWORD } from "./login.ts";

// 商铺积分 on a phone: a community worker inspects a shop and deducts for goods left on the
// pavement (with a photo); the shop's public page, opened signed out from its QR code, shows the
// lower score; a customer rates it, and a second rating with the same phone the same day is
// refused in plain words.
test.describe.configure({ mode: "serial" });
test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

const COMMUNITY_STAFF = "13800000003";
// A 1×1 PNG: the inspection's evidence photo.
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);

interface Shop {
  id: string;
  name: string;
  score: number;
}
let shop: Shop;
let deducted = 0;

async function signInAs(page: Page, who: string) {
  await page.context().clearCookies();
  const res = await page.request.post("/api/v1/auth/login", {
    data: { phone: who, password: DEMO_PASSWORD },
  });
  expect(res.ok()).toBe(true);
}

test("a community worker finds a shop and deducts for goods on the pavement, with a photo", async ({
  page,
}) => {
  await signInAs(page, COMMUNITY_STAFF);
  // A shop of his community that still has points to lose.
  const list = await page.request.get("/api/v1/points/merchants?pageSize=50");
  const shops = ((await list.json()).items as Array<Shop & { added: number; deducted: number }>).filter(
    (s) => s.added - s.deducted >= 5,
  );
  shop = shops[0] as Shop;
  expect(shop, "a shop with points in the demo community").toBeTruthy();

  await page.goto("/mobile/");
  await page.getByText("商铺检查", { exact: true }).click();
  await expect(page).toHaveURL(/\/mobile\/points\/inspect$/);
  await page.getByPlaceholder("输入店铺名称或拼音首字母").fill(shop.name);
  await page.getByRole("link", { name: shop.name, exact: true }).click();
  await expect(page.getByText(shop.name, { exact: true })).toBeVisible();
  await expect(page.getByText("门前五包", { exact: true })).toBeVisible();
  await page.getByText("占道经营、店外经营", { exact: true }).click();
  await page
    .locator("input[type=file]")
    .setInputFiles({ name: "pavement.png", mimeType: "image/png", buffer: PNG });
  await expect(page.locator(".adm-image-uploader-cell-mask")).toHaveCount(0);
  await page.getByPlaceholder("可填写检查发现的情况").fill("货物堆放在人行道上");
  await page.screenshot({ path: "test-results/points-inspect.png", fullPage: true });
  await page.getByRole("button", { name: "提交检查结果" }).click();
  await page.getByRole("button", { name: "确定" }).click();
  const result = page.getByTestId("inspection-result");
  await expect(result).toHaveText(/本次加分 0 分，扣分 \d+ 分/);
  deducted = Number(((await result.textContent()) ?? "").match(/扣分 (\d+) 分/)?.[1]);
  expect(deducted).toBe(5);
});

test("the shop's public page shows the lower score; a customer rates it once a day", async ({ page }) => {
  await page.context().clearCookies();
  await page.goto(`/mobile/shops/${shop.id}`);
  await expect(page.getByTestId("shop-name")).toHaveText(shop.name);
  await expect(page.getByTestId("shop-score")).toHaveText(String(shop.score - deducted));

  await page.getByRole("button", { name: "满意", exact: true }).click();
  await expect(page.getByText("满意", { exact: true })).toBeVisible();
  await page.getByLabel("手机号").fill("13912345670");
  await page.getByLabel("说点什么（选填）").fill("老板很热情");
  await page.screenshot({ path: "test-results/points-shop-page.png", fullPage: true });
  await page.getByRole("button", { name: "提交评价" }).click();
  await expect(page.getByTestId("rating-thanks")).toHaveText("感谢您的评价！");

  await page.reload();
  await page.getByRole("button", { name: "不满意", exact: true }).click();
  await page.getByLabel("手机号").fill("13912345670");
  await page.getByRole("button", { name: "提交评价" }).click();
  await expect(page.getByRole("alert")).toHaveText("您今天已经评价过这家店铺，明天再来吧");
});

test("the merchant sees his score and QR code; staff see the shops' scores at a desk", async ({ page }) => {
  await signInAs(page, "13800000009");
  await page.goto("/mobile/points/my-shop");
  await expect(page.getByText("本年度积分")).toBeVisible();
  await expect(page.getByTestId("my-shop-score")).toHaveText(/^\d+$/);
  await expect(page.getByRole("img", { name: "店铺二维码" })).toBeVisible();
  await page.screenshot({ path: "test-results/points-my-shop.png", fullPage: true });

  await signInAs(page, COMMUNITY_STAFF);
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto("/admin/points/merchants");
  const row = page.getByRole("row", { name: new RegExp(shop.name) });
  await expect(row).toContainText(String(shop.score - deducted));
  await row.getByRole("button", { name: "店铺详情" }).click();
  await expect(page.getByRole("dialog").getByText("货物堆放在人行道上")).toBeVisible();
  await page.screenshot({ path: "test-results/points-merchants-admin.png" });
});
