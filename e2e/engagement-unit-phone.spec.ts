import { expect, test } from "@playwright/test";
import { failOnCspViolations } from "./csp.ts";
import { mobileLogin } from "./login.ts";

failOnCspViolations();

test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

test("a unit's staff on a phone: 本单位 with members' report-in, Saturdays and a member's letter", async ({
  page,
}) => {
  await mobileLogin(page, "13800000010");
  await expect(page.getByRole("heading", { name: "周建国，您好" })).toBeVisible();

  await expect(page.getByRole("button", { name: "本单位" })).toBeVisible();
  // His to-do (members still without a letter) opens 本单位 on the phone, not the back office.
  await page.getByRole("button", { name: /^待开介绍信/ }).click();
  await expect(page).toHaveURL(/\/mobile\/engagement\/unit$/);
  await expect(page.getByRole("heading", { name: "本单位在职党员" })).toBeVisible();
  const members = page.getByTestId("unit-member");
  await expect(members.first()).toBeVisible();
  await expect(members.first().getByText(/^(已报到|待审核|已退回|未报到)$/)).toBeVisible();

  await expect(page.getByRole("heading", { name: "周六报到安排" })).toBeVisible();
  await expect(page.getByTestId("rota-day").first()).toBeVisible();
  await expect(page.getByRole("heading", { name: /季度反馈卡$/ })).toBeVisible();
  await page.screenshot({ path: "test-results/engagement-unit-phone.png", fullPage: true });

  // Those still to report in come first; the next page has the reported-in ones.
  await page.getByRole("button", { name: "加载更多" }).click();
  // A reported-in member's letter: the link opens the PDF the community reads (the session's own cookie).
  const href = await page.getByRole("link", { name: "看介绍信" }).first().getAttribute("href");
  expect(href).toMatch(/\/api\/v1\/engagement\/report-ins\/[\w-]+\/letter\.pdf$/);
  const pdf = await page.request.get(href ?? "");
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toContain("application/pdf");
});
