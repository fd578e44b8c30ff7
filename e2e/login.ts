import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "demo12345";

/** Fills the admin login form as a person would and submits it. */
export async function adminLogin(page: Page, phone: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto("/admin/");
  await expect(page).toHaveURL(/\/admin\/login$/);
  await page.getByLabel("手机号").fill(phone);
  await page.getByLabel("密码", { exact: true }).fill(password);
  // antd spaces two-character Chinese button labels ("登 录").
  await page.getByRole("button", { name: /^登\s?录$/ }).click();
}

/** The same on the phone pages' login form. */
export async function mobileLogin(page: Page, phone: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto("/mobile/");
  await expect(page).toHaveURL(/\/mobile\/login$/);
  // The SMS code comes first on the phone; the demo accounts have passwords.
  await page.getByRole("tab", { name: "密码登录" }).click();
  // Both tabs' forms stay in the page: the password form's fields by their ids.
  await page.locator("#password_phone").fill(phone);
  await page.locator("#password_password").fill(password);
  await page.getByRole("button", { name: "登录", exact: true }).click();
}
