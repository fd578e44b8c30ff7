import { expect, type Page, test } from "@playwright/test";
import { adminLogin, DEMO_PASSWORD } from "./login.ts";

// 应急动员 end to end: the community worker raises a 防汛突击队 from its template, calls the party
// member (found in the talent pool by a skill), he reports on his phone, the worker sees him
// reported and dissolves the squad.
test.describe.configure({ mode: "serial" });

const COMMUNITY_STAFF = "13800000003";
const PARTY_MEMBER = "13800000006";
const n = Date.now() % 100_000;
const name = `防汛突击队${n}`;
const skill = `抢险${n}`;
let detailUrl = "";

const phone = {
  viewport: { width: 390, height: 844 },
  isMobile: true,
  hasTouch: true,
  geolocation: { latitude: 30.501, longitude: 114.301 },
  permissions: ["geolocation"],
};

async function signInAs(page: Page, who: string) {
  await page.context().clearCookies();
  const res = await page.request.post("/api/v1/auth/login", {
    data: { phone: who, password: DEMO_PASSWORD },
  });
  expect(res.ok()).toBe(true);
}

test("the community worker raises a flood squad from the template and calls the member", async ({ page }) => {
  await adminLogin(page, COMMUNITY_STAFF);
  await page.getByRole("menu").getByRole("menuitem", { name: "应急动员" }).click();
  await expect(page).toHaveURL(/\/admin\/engagement\/mobilisation/);
  await page.getByRole("button", { name: "发起动员" }).click();
  const form = page.getByRole("dialog", { name: "发起应急动员" });
  await form.getByText("防汛抢险", { exact: true }).click();
  await expect(form.getByLabel("名称")).toHaveValue("防汛抢险党员突击队");
  await expect(form.getByLabel("任务")).toHaveValue(/巡查河道/);
  await form.getByLabel("名称").fill(name);
  await form.getByRole("button", { name: "所属区域" }).click();
  await page.getByRole("tree").locator(".ant-tree-title").first().click();
  await form.getByLabel("集合地点").fill("社区党群服务中心门口");
  await page.screenshot({ path: "test-results/mobilisation-raise.png" });
  await form.getByRole("button", { name: "发起并选人" }).click();

  await expect(page).toHaveURL(/\/admin\/engagement\/mobilisation\/[0-9a-f-]{36}\?choose=1$/);
  detailUrl = page.url().replace(/\?choose=1$/, "");
  const id = detailUrl.split("/").at(-1) ?? "";
  // The member goes into the talent pool with a skill of this run, so the search finds him alone.
  const found = await page.request.get(`/api/v1/engagement/mobilisations/${id}/candidates?pageSize=200`);
  const him = (await found.json()).items.find((c: { phone: string }) => c.phone === "138****0006");
  expect(him).toBeTruthy();
  const node = (await (await page.request.get(`/api/v1/engagement/mobilisations/${id}`)).json()).node.id;
  const added = await page.request.post("/api/v1/engagement/talents", {
    data: { name: him.name, phone: PARTY_MEMBER, memberId: him.id, nodeId: node, skills: [skill] },
    // A cookie-carried write must say it comes from this site, as a page's would.
    headers: { origin: new URL(page.url()).origin },
  });
  expect(added.status()).toBe(201);

  const choose = page.getByRole("dialog", { name: "选择召集党员" });
  await choose.getByRole("checkbox", { name: "只看空闲的" }).uncheck();
  await choose.getByPlaceholder("如：电工、医生").fill(skill);
  await choose.getByPlaceholder("如：电工、医生").press("Enter");
  const row = choose.getByTestId("candidate-row");
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(skill);
  await row.getByRole("checkbox").check();
  await page.screenshot({ path: "test-results/mobilisation-choose.png" });
  await choose.getByRole("button", { name: "通知到岗" }).click();
  await expect(page.getByText("已通知 1 名党员")).toBeVisible();
  await expect(page.getByTestId("mobilisation-summary")).toHaveText("已召集 1 人，已到岗 0 人");
});

test.describe("on the phone", () => {
  test.use(phone);
  test("the member sees his call-up and reports", async ({ page }) => {
    await signInAs(page, PARTY_MEMBER);
    await page.goto("/mobile/");
    await page.getByRole("button", { name: "我的召集" }).click();
    await expect(page).toHaveURL(/\/mobile\/engagement\/call-ups$/);
    const card = page.getByTestId("call-up").filter({ hasText: name });
    await expect(card).toContainText("社区党群服务中心门口");
    await card.getByRole("button", { name: "我已到岗" }).click();
    await expect(page.getByText("已报到，辛苦了！")).toBeVisible();
    await expect(card).toContainText("已到岗");
    await page.screenshot({ path: "test-results/mobilisation-phone.png", fullPage: true });
  });
});

test("the worker sees him reported, then dissolves the squad", async ({ page }) => {
  await adminLogin(page, COMMUNITY_STAFF);
  await expect(page.getByRole("menu")).toBeVisible();
  await page.goto(detailUrl);
  await expect(page.getByTestId("mobilisation-summary")).toHaveText("已召集 1 人，已到岗 1 人");
  await expect(page.getByTestId("called-row")).toContainText("30.50100, 114.30100");
  await page.getByRole("button", { name: /^解\s?散$/ }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("解散说明").fill("汛情解除，队伍解散");
  await dialog.getByRole("button", { name: /^解\s?散$/ }).click();
  await expect(page.getByTestId("mobilisation-status")).toHaveText("已解散");
  await expect(page.getByRole("button", { name: "增加人员" })).toHaveCount(0);
  await page.screenshot({ path: "test-results/mobilisation-dissolved.png", fullPage: true });
});
