import { expect, type Page, test } from "@playwright/test";
import { adminLogin } from "./login.ts";

// One case goes through the hands of two people: the community worker registers it and blows the
// whistle, the department reports in and back, and the community resolves it.
test.describe.configure({ mode: "serial" });

let code = "";
const description = `3栋电梯停运两天，老人上下楼困难，请尽快协调维修（${Date.now() % 100_000}）`;

// antd spaces two-character Chinese button labels ("确 定").
const ok = /^确\s?定$/;

const events = (page: Page) => page.getByTestId("case-event");
const status = (page: Page, text: string) => page.getByTestId("case-header").getByText(text, { exact: true });

test("community worker: registers a walk-in request for a household and finds it in the list", async ({
  page,
}) => {
  await adminLogin(page, "13800000003");
  await page.getByRole("menu").getByRole("menuitem", { name: "诉求办理" }).click();
  await expect(page).toHaveURL(/\/admin\/cases/);
  await expect(page.getByRole("tab", { name: "未办结诉求地图" })).toBeVisible();
  await expect(
    page.locator(".ant-table-tbody tr.ant-table-row").or(page.getByText("没有符合条件的诉求")).first(),
  ).toBeVisible();
  await page.screenshot({ path: "test-results/admin-cases-all.png", fullPage: true });

  await page.getByRole("button", { name: "登记诉求" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByText("登记诉求 · 一窗受理")).toBeVisible();
  await dialog.getByLabel("诉求分类").click();
  await page.getByTitle("物业管理", { exact: true }).click();
  await dialog.getByLabel("诉求内容").fill(description);
  await dialog.getByLabel("来访人姓名").fill("王桂兰");
  // A number that cannot be called back is refused before anything is sent.
  await dialog.getByLabel("联系电话").fill("1391234");
  await dialog.getByRole("button", { name: "提交登记" }).click();
  await expect(dialog.getByText("请输入正确的 11 位手机号")).toBeVisible();
  await expect(dialog.getByText("请选择住户")).toBeVisible();
  await dialog.getByLabel("联系电话").fill("13912345678");

  // The household, found by a part of its address.
  await dialog.getByRole("combobox", { name: "住户" }).fill("1栋1单元");
  const option = page.getByTitle(/1栋1单元\d+室（户主/).first();
  await expect(option).toBeVisible();
  await option.click();
  await page.screenshot({ path: "test-results/admin-case-walk-in.png" });
  await dialog.getByRole("button", { name: "提交登记" }).click();

  // The new case opens: 物业管理 starts with the community.
  await expect(page).toHaveURL(/\/admin\/cases\/[A-Z]+-\d{8}-\d{4}$/);
  code = decodeURIComponent(page.url().split("/").pop() ?? "");
  await expect(page.getByRole("heading", { name: code })).toBeVisible();
  await expect(status(page, "待社区分单")).toBeVisible();
  await expect(page.getByText("一窗受理", { exact: true })).toBeVisible();
  // The visitor, masked.
  await expect(page.getByText(/^王\*+ 139\*{4}5678$/)).toBeVisible();
  await expect(events(page)).toHaveCount(1);
  await expect(events(page).first()).toContainText("提交诉求");
  await expect(events(page).first()).toContainText("张丽华");

  // In the list, found by its number.
  await page.getByRole("link", { name: /返回诉求列表/ }).click();
  await page.getByPlaceholder("诉求编号或内容关键词").fill(code);
  await page.getByPlaceholder("诉求编号或内容关键词").press("Enter");
  await expect(page).toHaveURL(new RegExp(`q=${code}`));
  const row = page.getByRole("row").filter({ hasText: code });
  await expect(row).toContainText("待社区分单");
  await expect(row).toContainText("一窗受理");
  await expect(row).toContainText("物业管理");
  await expect(row).toContainText(/内须(响应|办结)/);
  await page.screenshot({ path: "test-results/admin-cases-list.png", fullPage: true });

  // The same filter on the map: the open cases with a place, over the grids.
  await page.getByRole("tab", { name: "未办结诉求地图" }).click();
  await expect(page).toHaveURL(/view=map/);
  await expect(page.getByText(/地图上标出 1 件（当前条件下未办结 1 件）/)).toBeVisible();
  await expect(page.getByTestId("grid-map").locator("canvas")).toBeVisible();
  await page.waitForTimeout(500); // the map's first drawing, for the screenshot
  await page.screenshot({ path: "test-results/admin-cases-map.png", fullPage: true });
  await page.getByRole("tab", { name: "诉求列表" }).click();

  // Open it and blow the whistle for the urban management bureau.
  await row.click();
  await expect(page.getByRole("heading", { name: code })).toBeVisible();
  await page.getByRole("button", { name: /^吹\s?哨$/ }).click();
  const whistle = page.getByRole("dialog");
  await expect(whistle.getByText(`吹哨 · ${code}`)).toBeVisible();
  // A press while the dialog still opens can be lost on a busy machine: press until it answers.
  await expect(async () => {
    await whistle.getByRole("button", { name: ok }).click();
    await expect(whistle.getByText("请至少选择一个部门")).toBeVisible({ timeout: 2000 });
  }).toPass({ timeout: 15_000 });
  await expect(whistle.getByText("请填写办理说明")).toBeVisible();
  await whistle.getByLabel("吹哨部门").click();
  await page.getByTitle("区城市管理局", { exact: true }).click();
  await whistle.getByText(`吹哨 · ${code}`).click(); // closes the list of departments
  await whistle.getByLabel("办理说明").fill("电梯维保单位推诿，请城管局到场协调");
  await whistle.getByRole("button", { name: ok }).click();

  await expect(status(page, "已吹哨 · 部门报到中")).toBeVisible();
  await expect(events(page)).toHaveCount(2);
  await expect(events(page).nth(1)).toContainText("吹哨 · 区城市管理局");
  await expect(events(page).nth(1)).toContainText("电梯维保单位推诿");
  const whistles = page.getByRole("row").filter({ hasText: "区城市管理局" });
  await expect(whistles).toContainText("待报到");
  await page.screenshot({ path: "test-results/admin-case-whistled.png", fullPage: true });
});

test("department staff: the whistle is in the inbox; reports in and back", async ({ page }) => {
  expect(code, "the case registered by the first test").toBeTruthy();
  await adminLogin(page, "13800000005");
  const menu = page.getByRole("menu");
  await expect(menu.getByRole("menuitem", { name: "人口信息" })).toHaveCount(0);
  await menu.getByRole("menuitem", { name: "吹哨报到" }).click();
  await expect(page).toHaveURL(/\/admin\/whistles/);
  await expect(page.getByText("吹哨报到 · 本部门待办")).toBeVisible();

  const row = page.getByRole("row").filter({ hasText: code });
  await expect(row).toContainText("待报到");
  await expect(row).toContainText("电梯维保单位推诿");
  await page.screenshot({ path: "test-results/admin-whistles-inbox.png", fullPage: true });
  await row.getByRole("button", { name: /报\s?到/ }).click();
  await expect(row).toContainText("已报到");

  await row.getByRole("button", { name: "反馈办理情况" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("办理情况").fill("已约谈电梯维保单位，明日上午完成维修");
  await dialog.getByRole("button", { name: ok }).click();
  await expect(row).toContainText("已反馈");

  // The case itself, from the inbox.
  await row.getByRole("link", { name: code }).click();
  await expect(page.getByRole("heading", { name: code })).toBeVisible();
  await expect(page.getByText("已约谈电梯维保单位，明日上午完成维修").first()).toBeVisible();
});

test("community worker: rates the department's report and resolves the case", async ({ page }) => {
  expect(code, "the case registered by the first test").toBeTruthy();
  await adminLogin(page, "13800000003");
  await expect(page.getByRole("banner").getByText("张丽华")).toBeVisible();
  await page.goto(`/admin/cases/${code}`);
  await expect(page.getByRole("heading", { name: code })).toBeVisible();
  const whistle = page.getByRole("row").filter({ hasText: "区城市管理局" });
  await expect(whistle).toContainText("已反馈");
  await whistle.getByRole("button", { name: /评\s?价/ }).click();
  const rate = page.getByRole("dialog");
  await rate.locator(".ant-rate-star").nth(3).click();
  await rate.getByRole("button", { name: ok }).click();
  await expect(whistle).toContainText("已评价");

  const before = await events(page).count();
  await page.getByRole("button", { name: /办\s?结/ }).click();
  const resolve = page.getByRole("dialog");
  await resolve.getByLabel("办理说明").fill("电梯已修复，电话回访王阿姨确认可以正常使用");
  await resolve.getByRole("button", { name: ok }).click();
  await expect(status(page, "已办结 · 待评价")).toBeVisible();
  await expect(events(page)).toHaveCount(before + 1);
  await expect(events(page).last()).toContainText("电梯已修复");
  await page.screenshot({ path: "test-results/admin-case-resolved.png", fullPage: true });

  // 吹哨报到 for the community: its whistles and how the departments answered.
  await page.getByRole("menu").getByRole("menuitem", { name: "吹哨报到" }).click();
  await expect(page.getByRole("row").filter({ hasText: code })).toContainText("已评价");
  await page.getByRole("tab", { name: "部门报到情况" }).click();
  await expect(page.getByRole("row").filter({ hasText: "区城市管理局" })).toBeVisible();
  await page.screenshot({ path: "test-results/admin-whistle-figures.png", fullPage: true });
});
