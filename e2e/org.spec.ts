import { expect, test } from "@playwright/test";
import { adminLogin } from "./login.ts";

test("district administrator: the party organisation tree down to a community committee", async ({
  page,
}) => {
  await adminLogin(page, "13800000001");
  await page.getByRole("menu").getByRole("menuitem", { name: "党组织" }).click();
  await expect(page).toHaveURL(/\/admin\/org/);

  const tree = page.getByRole("tree");
  const street = tree.getByRole("treeitem").filter({ hasText: "潋江街道党工委" });
  await expect(street).toBeVisible();
  await street.locator(".ant-tree-switcher").click();
  // Expanding fetches the children.
  const community = tree.getByRole("treeitem").filter({ hasText: "红旗社区党委" });
  await expect(community).toBeVisible();
  await community.getByText("红旗社区党委").click();

  await expect(page).toHaveURL(/org=/);
  await expect(page.getByText("社区党委", { exact: true }).first()).toBeVisible();
  await expect(page.getByText("兼职委员", { exact: true })).toBeVisible();
  // 大党委 part-time members come from units, property companies and owners' committees; phones masked.
  const member = page
    .getByRole("row")
    .filter({ hasText: /驻区单位|物业企业|业主委员会/ })
    .first();
  await expect(member).toContainText(/\d{3}\*{4}\d{4}/);
  await page.screenshot({ path: "test-results/admin-org.png", fullPage: true });

  await page.getByRole("tab", { name: "共建单位" }).click();
  await expect(page.locator(".ant-table-tbody tr.ant-table-row").first()).toBeVisible();
  await page.getByLabel("单位类型").click();
  await page.getByTitle("物业企业", { exact: true }).click();
  await expect(page).toHaveURL(/kind=propertyCompany/);
  await page.screenshot({ path: "test-results/admin-org-units.png", fullPage: true });

  await page.getByRole("banner").getByText("English").click();
  await expect(page.getByRole("tab", { name: "Partner units" })).toBeVisible();
  await page.getByRole("tab", { name: "Organisations" }).click();
  await expect(page.getByText("Street Party Working Committee").first()).toBeVisible();
  await page.screenshot({ path: "test-results/admin-org-en.png", fullPage: true });
  await page.getByRole("banner").getByText("中文").click();
});
