import { expect, type Page, test } from "@playwright/test";
import { adminLogin, DEMO_PASSWORD } from "./login.ts";

// 民情日记: the party member visits a household he is paired with, writes down a problem and turns it
// into a case on his phone; the community worker sees the quarter's coverage and the visit.
test.describe.configure({ mode: "serial" });

const COMMUNITY_STAFF = "13800000003";
const PARTY_MEMBER = "13800000006";
const note = `王奶奶身体不错，聊了聊社区活动（${Date.now() % 100_000}）`;
const problem = `三楼楼道灯坏了（${Date.now() % 100_000}）`;

const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

async function signInAs(page: Page, who: string) {
  await page.context().clearCookies();
  const res = await page.request.post("/api/v1/auth/login", {
    data: { phone: who, password: DEMO_PASSWORD },
  });
  expect(res.ok()).toBe(true);
}

/** The member's first household; if the demo paired him with none, the community pairs one. */
async function aHouseholdOfTheMember(page: Page): Promise<string> {
  await signInAs(page, PARTY_MEMBER);
  const mine = await (await page.request.get("/api/v1/engagement/my-households")).json();
  if (mine.items.length > 0) return mine.items[0].address;
  await signInAs(page, COMMUNITY_STAFF);
  const member = (await (await page.request.get("/api/v1/people/party-members?q=赵明亮")).json()).items[0];
  const home = (await (await page.request.get("/api/v1/people/households?pageSize=1")).json()).items[0];
  const paired = await page.request.post(`/api/v1/people/party-members/${member.id}/households`, {
    data: { householdId: home.id, kind: "baobao" },
  });
  expect(paired.ok()).toBe(true);
  return home.address;
}

test.describe("on the phone", () => {
  test.use(phone);

  test("the member logs a visit with a problem and turns the problem into a case", async ({ page }) => {
    const address = await aHouseholdOfTheMember(page);
    await signInAs(page, PARTY_MEMBER);
    await page.goto("/mobile/");
    await page.getByRole("button", { name: "我的包联户" }).click();
    await expect(page).toHaveURL(/\/mobile\/engagement\/households$/);
    await expect(page.getByTestId("visit-progress")).toContainText("本季度已走访");
    await page.getByText(address, { exact: true }).click();
    await page.getByRole("button", { name: "记走访" }).click();
    await expect(page).toHaveURL(/\/visit$/);

    await page.getByPlaceholder("聊了些什么，家里情况怎么样").fill(note);
    await page.getByPlaceholder("比如：楼道灯坏了").fill(problem);
    await page.screenshot({ path: "test-results/visits-form.png", fullPage: true });
    await page.getByRole("button", { name: "保存走访" }).click();

    await expect(page).toHaveURL(/\/mobile\/engagement\/households\/[0-9a-f-]+$/);
    await expect(page.getByText("本季度已走访").first()).toBeVisible();
    const line = page.getByTestId("visit-problem").filter({ hasText: problem });
    await expect(page.getByText(note)).toBeVisible();
    await line.getByRole("button", { name: "转为事件" }).click();
    await page.getByRole("button", { name: /确定|确认/ }).click();
    await expect(line.getByTestId("case-code")).toHaveText(/^事件 [A-Z]+-?\S+/);
    await page.screenshot({ path: "test-results/visits-case.png", fullPage: true });
  });
});

test("the community worker sees the quarter's coverage on the desk, then per community and the visit", async ({
  page,
}) => {
  await adminLogin(page, COMMUNITY_STAFF);
  // The desk's figures carry the quarter's rate, and lead to the table.
  const card = page.getByTestId("visit-coverage-card");
  await expect(card).toContainText("本季度走访覆盖率");
  await card.getByRole("link", { name: "查看走访覆盖" }).click();
  await expect(page).toHaveURL(/\/admin\/engagement\/visits/);
  const table = page.getByTestId("coverage-table");
  await expect(table.getByRole("row").nth(1)).toContainText(/社区/);
  await expect(table.locator(".ant-progress").first()).toBeVisible();
  await page.screenshot({ path: "test-results/visits-coverage.png", fullPage: true });

  await page.getByRole("tab", { name: "走访记录" }).click();
  await page.getByText("只看发现问题的").click();
  const row = page.getByRole("row").filter({ hasText: note });
  await expect(row).toBeVisible();
  await expect(row).toContainText(problem);
});
