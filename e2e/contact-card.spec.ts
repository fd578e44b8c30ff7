import { expect, type Page, test } from "@playwright/test";
import sharp from "sharp";
import { adminLogin } from "./login.ts";

const GRID = "XG-LJ-001";

/** The grid leader on the card, as the public API gives him. */
async function leaderOf(page: Page) {
  const res = await page.request.get(`/api/v1/public/grids/${GRID}/card`);
  expect(res.ok()).toBe(true);
  const card = (await res.json()) as { staff: Array<{ role: string; name: string; phone: string }> };
  const leader = card.staff.find((p) => p.role === "gridLeader");
  if (!leader) throw new Error("the demo grid has no leader");
  return leader;
}

test("anyone: the public card shows who to call, and its button leads to the grid's request form", async ({
  page,
}) => {
  const leader = await leaderOf(page);
  await page.goto(`/mobile/card/${GRID}`);
  await expect(page).toHaveURL(new RegExp(`/mobile/card/${GRID}$`));
  await expect(page.getByRole("heading", { name: "红旗社区第1网格" })).toBeVisible();
  await expect(page.getByText("亮身份 · 亮职责 · 亮电话")).toBeVisible();
  const first = page.getByTestId("card-person").first();
  await expect(first).toContainText(leader.name);
  await expect(first).toContainText("网格长");
  await expect(first.getByRole("link", { name: `给${leader.name}打电话` })).toHaveAttribute(
    "href",
    `tel:${leader.phone}`,
  );
  await expect(page.getByRole("link", { name: /下载联系卡海报 \(A4\)/ })).toHaveAttribute(
    "href",
    `/api/v1/public/grids/${GRID}/poster.pdf`,
  );
  await page.screenshot({ path: "test-results/mobile-contact-card.png", fullPage: true });

  // The QR code's way: the form opens at once with the grid chosen; the phone and its texted code
  // are asked for on submitting (e2e/setup.spec.ts walks that part).
  await page.getByRole("link", { name: "我要反映诉求" }).click();
  await expect(page).toHaveURL(new RegExp(`/mobile/cases/new\\?grid=${GRID}$`));
  await expect(page.getByTestId("case-place")).toContainText("红旗社区第1网格");
});

test("an unknown grid's card says so", async ({ page }) => {
  await page.goto("/mobile/card/XG-NO-999");
  await expect(page.getByText("没有找到这个网格的联系卡")).toBeVisible();
});

test("community worker: downloads the grid's poster and puts a photo on the card", async ({ page }) => {
  const leader = await leaderOf(page);
  await adminLogin(page, "13800000003");
  await expect(page.getByRole("menu")).toBeVisible();
  const nodes = await page.request.get(`/api/v1/territory/nodes?level=grid&q=${GRID}`);
  const grid = ((await nodes.json()) as { items: Array<{ id: string; code: string }> }).items.find(
    (n) => n.code === GRID,
  );
  await page.goto(`/admin/territory/${grid?.id}`);
  await expect(page.getByRole("heading", { name: "红旗社区第1网格" })).toBeVisible();
  await expect(page.getByRole("link", { name: /公开联系卡页面/ })).toHaveAttribute(
    "href",
    `/mobile/card/${GRID}`,
  );

  const waiting = page.waitForEvent("download");
  await page.getByRole("link", { name: /下载联系卡海报 \(A4\)/ }).click();
  const download = await waiting;
  expect(download.suggestedFilename()).toBe("红旗社区第1网格民情联系卡-A4.pdf");
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
  const pdf = Buffer.concat(chunks);
  expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
  expect(pdf.length).toBeGreaterThan(10_000);

  await page.getByRole("tab", { name: "网格力量" }).click();
  const row = page.getByRole("row").filter({ hasText: leader.name });
  await expect(row).toContainText("统筹本网格党建");
  const photo = await sharp({ create: { width: 900, height: 1200, channels: 3, background: "#2f6fb0" } })
    .jpeg()
    .toBuffer();
  await row
    .locator('input[type="file"]')
    .setInputFiles({ name: "leader.jpg", mimeType: "image/jpeg", buffer: photo });
  await expect(page.getByText(`${leader.name}的照片已更新`)).toBeVisible();
  await expect(row.getByRole("img", { name: `${leader.name}的照片` })).toHaveAttribute(
    "src",
    /\/api\/v1\/files\/[0-9a-f]{64}$/,
  );
  await page.screenshot({ path: "test-results/admin-grid-staff-photo.png", fullPage: true });

  // The card shows it to anyone, through its own public address.
  await page.context().clearCookies();
  await page.goto(`/mobile/card/${GRID}`);
  const img = page.getByRole("img", { name: `${leader.name}的照片` });
  await expect(img).toBeVisible();
  await expect(img).toHaveJSProperty("naturalWidth", 360);
});
