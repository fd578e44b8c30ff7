import { expect, type Page, test } from "@playwright/test";
import { adminLogin, DEMO_PASSWORD } from "./login.ts";

// 双报到 in three pairs of hands: the in-service member reports in on his phone with a photo of his
// unit's letter, the community worker approves it at the desk, and the member picks his 1+X items.
// The demo's member may have reported in this year already (a full year of data): then his unit's
// staff (13800000010) issue a letter for a colleague, so the desk still has one to approve.
test.describe.configure({ mode: "serial" });

const MEMBER = "13800000006";
const COMMUNITY_STAFF = "13800000003";
const UNIT_STAFF = "13800000010";
const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

/** A 1×1 PNG: the smallest photo the server accepts. */
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);

/** Whose report-in the desk approves: the member's own, or a colleague's issued by the unit. */
let toApprove = "";

async function signInAs(page: Page, who: string) {
  await page.context().clearCookies();
  const res = await page.request.post("/api/v1/auth/login", {
    data: { phone: who, password: DEMO_PASSWORD },
  });
  expect(res.ok()).toBe(true);
}

test.describe("on the phone", () => {
  test.use(phone);

  test("the member reports in with a photo of his letter", async ({ page }) => {
    await signInAs(page, MEMBER);
    const mine = await (await page.request.get("/api/v1/engagement/me")).json();
    await page.goto("/mobile/");
    await page.getByRole("button", { name: "在职党员报到" }).click();
    await expect(page).toHaveURL(/\/mobile\/engagement\/report-in$/);
    await expect(page.getByText(mine.unit.name)).toBeVisible();
    await expect(page.getByText(mine.community.name)).toBeVisible();
    if (mine.reportIn && mine.reportIn.status !== "returned") {
      // Reported in already (the demo's year): the unit issues a colleague's letter instead.
      await signInAs(page, UNIT_STAFF);
      const progress = await (await page.request.get("/api/v1/engagement/progress?pageSize=200")).json();
      for (const p of progress.items.filter((x: { status: string | null }) => !x.status)) {
        const res = await page.request.post("/api/v1/engagement/report-ins", {
          data: { memberId: p.member.id },
        });
        if (res.status() === 201) {
          toApprove = p.member.name;
          break;
        }
      }
      // Every colleague reported in too: the desk takes the demo's waiting report-in.
      return;
    }
    await page
      .locator("input[type=file]")
      .setInputFiles({ name: "letter.png", mimeType: "image/png", buffer: PNG });
    await expect(page.locator('.adm-image-uploader img[src^="/api/v1/files/"]')).toBeVisible();
    await page.getByRole("button", { name: /提交报到|重新提交/ }).click();
    await expect(page.getByTestId("report-status")).toHaveText("待审核");
    await page.screenshot({ path: "test-results/report-in-pending.png", fullPage: true });
    toApprove = mine.member.name;
  });
});

test("the community worker approves it at the desk", async ({ page }) => {
  await adminLogin(page, COMMUNITY_STAFF);
  await page.getByRole("menu").getByRole("menuitem", { name: "共建单位" }).click();
  await expect(page).toHaveURL(/\/admin\/engagement\/units/);
  await page.getByRole("tab", { name: "报到审核" }).click();
  if (!toApprove) {
    const waiting = await (await page.request.get("/api/v1/engagement/report-ins?status=pending")).json();
    toApprove = waiting.items[0]?.member.name ?? "";
  }
  expect(toApprove).not.toBe("");
  const row = page.getByTestId("report-in-row").filter({ hasText: toApprove }).first();
  await expect(row).toBeVisible();
  await expect(row.getByText("查看介绍信")).toBeVisible();
  await page.screenshot({ path: "test-results/report-in-review.png", fullPage: true });
  await row.getByRole("button", { name: /^通\s?过$/ }).click();
  await expect(page.getByText("已通过").first()).toBeVisible();
});

test.describe("back on the phone", () => {
  test.use(phone);

  test("the member picks his 1+X items and sees his 六个一", async ({ page }) => {
    await signInAs(page, MEMBER);
    await page.goto("/mobile/engagement/report-in");
    await expect(page.getByTestId("report-status")).toHaveText("已通过");
    for (const item of ["参加志愿服务", "认领微心愿"]) {
      const option = page.locator(".adm-selector-item").filter({ hasText: item });
      if (!(await option.getAttribute("class"))?.includes("active")) await option.click();
    }
    await page.getByRole("button", { name: "保存选择" }).click();
    await expect(page.getByText("已保存")).toBeVisible();
    await expect(page.getByText("参加一次社区组织生活")).toBeVisible();
    await page.screenshot({ path: "test-results/report-in-menu.png", fullPage: true });
    const mine = await (await page.request.get("/api/v1/engagement/me")).json();
    expect(mine.reportIn.menu).toEqual(expect.arrayContaining(["volunteering", "wish"]));
  });
});
