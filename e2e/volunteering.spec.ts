import { expect, type Page, test } from "@playwright/test";
import { adminLogin, DEMO_PASSWORD } from "./login.ts";

const PARTY_MEMBER = "13800000006";
const COMMUNITY_STAFF = "13800000003";

/** Signs in as another person (the login page itself is tested in mobile.spec.ts), then opens the home page. */
async function signInAs(page: Page, phone: string) {
  await page.context().clearCookies();
  const res = await page.request.post("/api/v1/auth/login", { data: { phone, password: DEMO_PASSWORD } });
  expect(res.ok()).toBe(true);
  await page.goto("/mobile/");
  await expect(page.getByRole("heading", { name: /您好$/ })).toBeVisible();
  return (await res.json()).user as { roles: Array<{ nodeId: string }> };
}

test.describe("on the phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test("a party member signs up on his phone, the organiser checks him in and out by the typed code, the record shows it", async ({
    page,
  }) => {
    test.setTimeout(120_000);

    // The community publishes an activity that starts in ten minutes (check-in opens 30 minutes before).
    const staff = await signInAs(page, COMMUNITY_STAFF);
    const title = `楼道杂物清理 ${Date.now() % 100_000}`;
    const startsAt = Date.now() + 10 * 60_000;
    const published = await page.request.post("/api/v1/activities", {
      headers: { origin: new URL(page.url()).origin },
      data: {
        title,
        mode: "fixedTime",
        place: "红旗社区幸福小区 3 栋",
        capacity: 5,
        nodeId: staff.roles[0]?.nodeId,
        startsAt: new Date(startsAt).toISOString(),
        endsAt: new Date(startsAt + 2 * 3_600_000).toISOString(),
      },
    });
    expect(published.status()).toBe(201);

    // 志愿活动 → the activity → 报名参加 → 我的签到二维码.
    await signInAs(page, PARTY_MEMBER);
    await page.getByRole("button", { name: "志愿活动" }).click();
    await expect(page).toHaveURL(/\/mobile\/volunteering$/);
    const item = page.getByTestId("activity-item").filter({ hasText: title });
    await expect(item).toContainText("剩余 5 个名额");
    await page.screenshot({ path: "test-results/volunteering-list.png", fullPage: true });
    await item.click();
    await expect(page.getByTestId("activity-title")).toHaveText(title);
    await page.getByRole("button", { name: "报名参加" }).click();
    await expect(page.getByText("报名成功，请准时参加")).toBeVisible();
    await expect(page.getByTestId("signup-stage")).toHaveText("已报名");
    await page.getByRole("button", { name: "我的签到二维码" }).click();
    await expect(page.getByTestId("checkin-qr")).toBeVisible();
    const token = ((await page.getByTestId("checkin-token").textContent()) ?? "").trim();
    expect(token).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    await page.screenshot({ path: "test-results/volunteering-qr.png" });
    await page.getByRole("button", { name: "关闭" }).click();

    // 签到扫码: the organiser picks the activity and types the code under the QR, to check in, then out.
    await signInAs(page, COMMUNITY_STAFF);
    await page.getByRole("button", { name: "签到扫码" }).click();
    await expect(page).toHaveURL(/\/mobile\/volunteering\/checkin$/);
    await page.getByText(title).click();
    const code = page.getByPlaceholder("二维码下方的 8 位签到码");
    await code.fill(token.toLowerCase());
    await page.getByRole("button", { name: "确认" }).click();
    await expect(page.getByTestId("checkin-result")).toHaveText("赵明亮 签到成功");
    await expect(page.getByTestId("checkin-roster")).toContainText("已签到 1 人");
    await page.screenshot({ path: "test-results/volunteering-checkin.png", fullPage: true });
    // The same code again is refused: he is already in.
    await code.fill(token);
    await page.getByRole("button", { name: "确认" }).click();
    await expect(page.getByTestId("checkin-result")).toHaveText("该志愿者已签到");
    await page.getByText("签退", { exact: true }).click();
    await code.fill(token);
    await page.getByRole("button", { name: "确认" }).click();
    await expect(page.getByTestId("checkin-result")).toContainText("赵明亮 签退成功，本次服务 0 小时");
    await expect(page.getByTestId("checkin-roster")).toContainText("已签退 1 人");

    // 我的志愿: the activity is in his record, checked out, with its hours (0: scanned a moment apart).
    await signInAs(page, PARTY_MEMBER);
    await page.getByRole("button", { name: "我的志愿" }).click();
    await expect(page).toHaveURL(/\/mobile\/volunteering\/record$/);
    const entry = page.getByTestId("record-item").filter({ hasText: title });
    await expect(entry.getByTestId("signup-stage")).toHaveText("已签退");
    await expect(entry.getByTestId("record-hours")).toHaveText("0 小时");
    await expect(page.getByTestId("total-hours")).toContainText("小时");
    await page.screenshot({ path: "test-results/volunteering-record.png", fullPage: true });
  });
});

test.describe("at the desk", () => {
  // The server's rules are China time; the desk's browser is in China.
  test.use({ timezoneId: "Asia/Shanghai" });

  test("community staff publish after-hours service, see sign-ups with the waiting list, teams and statistics", async ({
    page,
  }) => {
    test.setTimeout(120_000);
    await adminLogin(page, COMMUNITY_STAFF);
    await page.getByRole("menu").getByRole("menuitem", { name: "志愿服务" }).click();
    await expect(page).toHaveURL(/\/admin\/volunteering/);

    // 错时 at 10:00 on a weekday is refused with the reason; 19:00 is accepted.
    const day = nextWeekday();
    const title = `在职党员错时服务 ${Date.now() % 100_000}`;
    await page.getByRole("button", { name: "发布活动" }).click();
    const dialog = page.getByRole("dialog");
    // A click while the dialog is still opening can be lost: click until the mode is chosen.
    await expect(async () => {
      await dialog.getByText("错时服务（在职党员）").click();
      await expect(dialog.getByRole("radio", { name: "错时服务（在职党员）" })).toBeChecked({
        timeout: 1000,
      });
    }).toPass();
    await dialog.getByLabel("活动名称").fill(title);
    await dialog.getByLabel("活动地点").fill("红旗社区党群服务中心");
    const pickTime = async (from: string, to: string) => {
      await dialog.getByPlaceholder("开始日期").click();
      await dialog.getByPlaceholder("开始日期").fill(`${day} ${from}`);
      await page.keyboard.press("Enter");
      await dialog.getByPlaceholder("结束日期").fill(`${day} ${to}`);
      await page.keyboard.press("Enter");
    };
    await pickTime("10:00", "12:00");
    await dialog.getByRole("button", { name: "发布活动" }).click();
    await expect(
      dialog.getByText(
        /在职党员错时服务须在工作日 18:00 以后或周末开展，所填开始时间为 \d{4}-\d{2}-\d{2} \d{2}:\d{2}（北京时间）/,
      ),
    ).toBeVisible();
    await page.screenshot({ path: "test-results/volunteering-admin-refused.png" });
    await pickTime("19:00", "21:00");
    await dialog.getByRole("button", { name: "发布活动" }).click();
    await expect(page.getByText("活动已发布")).toBeVisible();
    await expect(page.getByRole("row").filter({ hasText: title })).toContainText("错时服务（在职党员）");

    // The demo's full night patrol: eight places taken, two on the waiting list.
    const patrol = page.getByRole("row").filter({ hasText: "夜间治安巡逻" }).filter({ hasText: "报名中" });
    await expect(patrol).toContainText("候补 2 人");
    await patrol.getByRole("button", { name: "报名名单" }).click();
    const drawer = page.getByRole("dialog").filter({ hasText: "夜间治安巡逻 · 报名名单" });
    await expect(drawer.getByText("候补中 #1")).toBeVisible();
    await expect(drawer.getByText("已报名", { exact: true })).toHaveCount(8);
    await page.screenshot({ path: "test-results/volunteering-admin-signups.png", fullPage: true });
    await page.keyboard.press("Escape");
    await expect(drawer).toBeHidden();

    await page.getByRole("tab", { name: "服务队" }).click();
    // Each of the 666 teams once, with its speciality.
    for (const [name, speciality] of [
      ["邻里守望服务队", "治安巡逻"],
      ["助老服务队", "陪护"],
      ["法律援助服务队", "法律"],
      ["文明劝导服务队", "文明劝导"],
      ["环境清洁服务队", "保洁"],
      ["医疗义诊服务队", "医疗"],
    ])
      await expect(
        page.getByRole("row").filter({ hasText: name }).filter({ hasText: speciality }),
      ).toHaveCount(1);
    await page.screenshot({ path: "test-results/volunteering-admin-teams.png", fullPage: true });

    await page.getByRole("tab", { name: "服务统计" }).click();
    await expect(page.getByTestId("stats-totals")).toContainText(
      /合计：\d+ 场活动，\d+ 人参与，服务 [\d.]+ 小时/,
    );
    await page.screenshot({ path: "test-results/volunteering-admin-stats.png", fullPage: true });
  });
});

/** The next Monday to Friday after tomorrow, as YYYY-MM-DD in China. */
function nextWeekday(): string {
  for (let d = 2; ; d++) {
    const at = new Date(Date.now() + 8 * 3_600_000 + d * 86_400_000);
    if (at.getUTCDay() !== 0 && at.getUTCDay() !== 6) return at.toISOString().slice(0, 10);
  }
}
