import { expect, test } from "@playwright/test";
import { adminLogin, DEMO_PASSWORD, mobileLogin } from "./login.ts";

const PURPOSE = "核对高龄津贴资格";

test("a community staffer's reveal: on the street's log, and on the resident's phone", async ({
  page,
  browser,
  playwright,
  baseURL,
}) => {
  // 张丽华 (community staff) reveals 孙秀英's whole number; the reveal dialog is tested in people.spec.ts.
  const staff = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL ?? "" } });
  const login = await staff.post("/api/v1/auth/login", {
    data: { phone: "13800000003", password: DEMO_PASSWORD },
  });
  expect(login.status()).toBe(200);
  const found = await (await staff.get("/api/v1/people/residents?q=13800000007")).json();
  const her = found.items.find((r: { name: string }) => r.name === "孙秀英");
  const reveal = await staff.post(`/api/v1/people/residents/${her.id}/reveal`, {
    data: { purpose: PURPOSE },
  });
  expect(reveal.status()).toBe(200);
  await staff.dispose();

  // The street's staffer finds it in 个人信息查看记录, by the person's name.
  await adminLogin(page, "13800000002");
  await page.getByRole("menu").getByRole("menuitem", { name: "个人信息查看记录" }).click();
  await page.getByPlaceholder("被查看人：姓名、手机号或完整身份证号").fill("孙秀英");
  await page.getByPlaceholder("被查看人：姓名、手机号或完整身份证号").press("Enter");
  await expect(page).toHaveURL(/q=%E5%AD%99%E7%A7%80%E8%8B%B1/);
  // Only her reads are left (the demo's exports read many others').
  await expect(page.locator(".ant-table-tbody tr.ant-table-row").filter({ hasNotText: "孙**" })).toHaveCount(
    0,
  );
  const row = page.getByRole("row").filter({ hasText: "身份证号码" }).filter({ hasText: "孙**" }).first();
  await expect(row).toContainText("张丽华");
  await expect(row).toContainText(PURPOSE);
  await page.screenshot({ path: "test-results/admin-pii-access.png", fullPage: true });

  // 孙秀英 sees it on her phone under 我的: who, which post, what and why.
  const phone = await browser.newContext({
    baseURL,
    locale: "zh-CN",
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
  });
  const mobile = await phone.newPage();
  await mobileLogin(mobile, "13800000007");
  await expect(mobile.getByRole("heading", { name: "孙秀英，您好" })).toBeVisible();
  await mobile.getByText("我的", { exact: true }).click();
  await mobile.getByText("谁查看了我的信息").click();
  await expect(mobile).toHaveURL(/\/mobile\/me\/pii-access$/);
  const card = mobile.getByRole("listitem").filter({ hasText: "查看了您的身份证号码" }).first();
  await expect(card).toContainText("张丽华");
  await expect(card).toContainText("社区工作者 · ");
  await expect(card).toContainText(`用途：${PURPOSE}`);
  await expect(card).not.toContainText("13800000003");
  await mobile.screenshot({ path: "test-results/mobile-pii-access.png", fullPage: true });
  await phone.close();
});
