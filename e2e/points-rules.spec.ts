import { expect, type Page, test } from "@playwright/test";
import { DEMO_PASSWORD } from "./login.ts";

// The rules editor and the points panel at a desk of 1366×768: a community worker makes the
// community's party-member rules from the 费县 template and activates them; the street's worker
// enters a deed for a member; the community worker (not the one who entered it) approves it.
test.describe.configure({ mode: "serial" });
test.use({ viewport: { width: 1366, height: 768 } });

const STREET_STAFF = "13800000002";
const COMMUNITY_STAFF = "13800000003";
const PARTY_MEMBER = "13800000006";

async function signInAs(page: Page, who: string) {
  await page.context().clearCookies();
  const res = await page.request.post("/api/v1/auth/login", {
    data: { phone: who, password: DEMO_PASSWORD },
  });
  expect(res.ok()).toBe(true);
  return (await res.json()).user as { name: string; roles: Array<{ nodeName: string }> };
}

test("a community worker makes the rules from a template, and activates them", async ({ page }) => {
  const me = await signInAs(page, COMMUNITY_STAFF);
  await page.goto("/admin/points/rules");
  await expect(page.getByRole("tab", { name: "党员积分" })).toBeVisible();
  await page.getByRole("button", { name: "新建规则" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("适用范围（制定单位）").click();
  await page
    .locator(".ant-select-item-option", { hasText: me.roles[0]?.nodeName as string })
    .first()
    .click();
  await expect(dialog.getByText("党员美德信用积分（15）")).toBeVisible();
  await dialog.getByRole("button", { name: "创建草稿" }).click();
  await expect(page).toHaveURL(/\/admin\/points\/rules\/[0-9a-f-]{36}$/);
  await expect(page.getByText("草稿", { exact: true }).first()).toBeVisible();
  await expect(page.locator("input[value='见义勇为']")).toBeVisible();
  await page.screenshot({ path: "test-results/points-rules-editor.png" });
  await page.getByRole("button", { name: "保存草稿" }).click();
  await expect(page.getByText("已保存")).toBeVisible();
  await page
    .getByRole("button", { name: "启 用" })
    .or(page.getByRole("button", { name: "启用" }))
    .first()
    .click();
  await expect(page.getByText("已经记入的积分不会改变")).toBeVisible();
  await page
    .getByRole("dialog")
    .getByRole("button", { name: /启\s?用/ })
    .click();
  await expect(
    page
      .getByText("现行规则不能直接修改", { exact: false })
      .or(page.getByText("现行和已停用的规则不能直接修改", { exact: false })),
  ).toBeVisible();
  await expect(page.getByRole("button", { name: "修订出新版本" })).toBeVisible();
  await page.screenshot({ path: "test-results/points-rules-active.png" });
});

test("the street enters a deed for a member, and the community approves it", async ({ page }) => {
  const member = await signInAs(page, PARTY_MEMBER);
  await signInAs(page, STREET_STAFF);
  await page.goto("/admin/points/approvals");
  await page.getByRole("button", { name: "录入积分事项" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByRole("combobox", { name: "输入姓名或店名搜索" }).click();
  await page.keyboard.type(member.name);
  await page.locator(".ant-select-item-option", { hasText: member.name }).first().click();
  // The rules load for the chosen person; a choice made while they arrive can be reset, so choose
  // until the field shows it.
  await expect(async () => {
    await dialog.locator("#ruleId").click();
    await page
      .locator(".ant-select-item-option", { hasText: "联系服务群众" })
      .first()
      .click({ timeout: 2000 });
    // The field shows the chosen rule with its points (the open list is outside the dialog).
    await expect(dialog.getByText("联系服务群众（加分项", { exact: false })).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  await dialog.getByLabel("情况说明").fill("走访独居老人三户");
  await dialog.getByRole("button", { name: "提交审核" }).click();
  await expect(page.getByText("已提交，等待积分制管理小组审核")).toBeVisible();
  const row = page.getByRole("row", { name: /走访独居老人三户/ }).first();
  await expect(row.getByText("须由其他审核人员审核")).toBeVisible();

  await signInAs(page, COMMUNITY_STAFF);
  await page.goto("/admin/points/approvals");
  const pending = page.getByRole("row", { name: /走访独居老人三户/ }).first();
  await expect(pending).toBeVisible();
  await page.screenshot({ path: "test-results/points-approvals.png" });
  await pending.getByRole("button", { name: /^通\s?过$/ }).click();
  // The confirmation names whom and what; its own 通过 posts the points.
  const confirm = page.getByRole("tooltip").filter({ hasText: "联系服务群众" });
  await expect(confirm).toBeVisible();
  const approved = page.waitForResponse((r) => r.url().includes("/approve") && r.ok());
  await confirm.getByRole("button", { name: /^通\s?过$/ }).click();
  await approved;
  await expect(page.getByText("已通过，积分已记入")).toBeVisible();
});
