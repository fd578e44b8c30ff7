import { createServer, type Server } from "node:http";
import { type Browser, expect, type Locator, type Page, test } from "@playwright/test";
import { EMPTY_ADMIN, EMPTY_PORT, SMS_HOOK_PORT } from "../playwright.config.ts";

/**
 * From an empty install (DEMO=0) to the first case, only through the pages: the administrator adds
 * a street, a community and a grid with its boundary, opens a community worker's and a grid worker's
 * accounts; they sign in and change their temporary passwords; a resident opens the grid's poster
 * link, signs in with the texted code and reports; the case reaches the grid worker with a notice.
 * The texts go to this test's own SMS gateway (SMS_WEBHOOK_URL of the second server).
 */
const BASE = `http://127.0.0.1:${EMPTY_PORT}`;
test.use({ baseURL: BASE });

const texts: Array<{ phone: string; text: string }> = [];
let hook: Server;
test.beforeAll(async () => {
  hook = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => {
      body += c;
    });
    req.on("end", () => {
      texts.push(JSON.parse(body));
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => hook.listen(SMS_HOOK_PORT, "127.0.0.1", resolve));
});
test.afterAll(() => new Promise<void>((resolve) => hook.close(() => resolve())));

/** The code in the last text to a phone, once it has arrived. */
async function codeFor(phone: string): Promise<string> {
  let code = "";
  await expect
    .poll(() => {
      const text = texts.filter((m) => m.phone === phone).at(-1)?.text ?? "";
      code = /(\d{6})/.exec(text)?.[1] ?? "";
      return code;
    })
    .toMatch(/^\d{6}$/);
  return code;
}

/** Grid boundary around 39.90, 116.40; the resident reports from its centre. */
const RING = [
  [116.395, 39.895],
  [116.405, 39.895],
  [116.405, 39.905],
  [116.395, 39.905],
  [116.395, 39.895],
];

async function addChild(page: Page, button: string, name: string, gridType = false): Promise<string> {
  await page.getByRole("button", { name: button }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("名称").fill(name);
  const code = await dialog.getByLabel("编码").inputValue();
  if (gridType) {
    await dialog.getByLabel("网格类型").click();
    await page.getByTitle("小区网格").click();
  }
  await dialog.getByRole("button", { name: /确\s?定/ }).click();
  await expect(page.getByRole("heading", { name })).toBeVisible();
  return code;
}

/** Picks an option of an antd select by typing its words and Enter, again if the list was still opening. */
async function pick(page: Page, select: Locator, title: string) {
  await expect(async () => {
    await select.click();
    await select.fill(title);
    await expect(page.locator(".ant-select-dropdown:visible").getByTitle(title, { exact: true })).toBeVisible(
      {
        timeout: 5_000,
      },
    );
    await select.press("Enter");
    await expect(page.getByRole("dialog").getByTitle(title, { exact: true })).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
}

async function openAccount(page: Page, who: { name: string; phone: string; role: string; node: string }) {
  await page.getByRole("button", { name: "新建账号" }).click();
  const drawer = page.getByRole("dialog", { name: "新建账号" });
  await drawer.getByLabel("姓名").fill(who.name);
  await drawer.getByLabel("手机号").fill(who.phone);
  await drawer.getByLabel("临时密码").fill("Linshi2026");
  await pick(page, drawer.getByLabel("角色").first(), who.role);
  await pick(page, drawer.getByLabel("所属区域").first(), who.node);
  await drawer.getByRole("button", { name: /保\s?存/ }).click();
  await expect(page.getByRole("cell", { name: who.name, exact: true })).toBeVisible();
}

/** Signs in with the temporary password and changes it, as the first sign-in asks. */
async function firstSignIn(browser: Browser, app: "admin" | "mobile", phone: string): Promise<Page> {
  const context = await browser.newContext({
    baseURL: BASE,
    locale: "zh-CN",
    ...(app === "mobile" ? { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } : {}),
  });
  const page = await context.newPage();
  await page.goto(`/${app}/`);
  await expect(page).toHaveURL(new RegExp(`/${app}/login$`));
  // The phone pages offer the SMS code first; staff with a password pick the other tab.
  if (app === "mobile") await page.getByRole("tab", { name: "密码登录" }).click();
  // Both of the phone's forms stay in the page: its password form's fields by their ids.
  const field = (id: string, label: string) =>
    app === "mobile" ? page.locator(`#password_${id}`) : page.getByLabel(label, { exact: true });
  await field("phone", "手机号").fill(phone);
  await field("password", "密码").fill("Linshi2026");
  await page.getByRole("button", { name: /^登\s?录$/ }).click();
  await page.getByLabel("当前密码").fill("Linshi2026");
  await page.getByLabel("新密码", { exact: true }).fill("Zhengshi2026");
  await page.getByLabel("再次输入新密码").fill("Zhengshi2026");
  await page.getByRole("button", { name: "确认修改" }).click();
  await expect(page.getByLabel("当前密码")).toHaveCount(0);
  return page;
}

test("an empty install is set up from the pages and takes its first case", async ({ page, browser }) => {
  test.setTimeout(240_000);
  // The administrator signs in and draws the territory: a street, a community, a grid.
  await page.goto("/admin/");
  await page.getByLabel("手机号").fill(EMPTY_ADMIN.phone);
  await page.getByLabel("密码", { exact: true }).fill(EMPTY_ADMIN.password);
  await page.getByRole("button", { name: /^登\s?录$/ }).click();
  await expect(page.getByText("我的待办").first()).toBeVisible();
  const district = (await (await page.request.get("/api/v1/territory/nodes")).json()).items[0];
  await page.goto(`/admin/territory/${district.id}`);
  await addChild(page, "新增街道", "城东街道");
  await addChild(page, "新增社区", "东湖社区");
  const gridCode = await addChild(page, "新增网格", "东湖社区第一网格", true);

  // Its boundary, imported as GeoJSON.
  await page.goto("/admin/imports");
  await page.getByTestId("kind-gridPolygons").click();
  const geojson = {
    type: "FeatureCollection",
    features: [
      { type: "Feature", properties: { code: gridCode }, geometry: { type: "Polygon", coordinates: [RING] } },
    ],
  };
  await page.locator("input[type=file]").setInputFiles({
    name: "网格边界.geojson",
    mimeType: "application/geo+json",
    buffer: Buffer.from(JSON.stringify(geojson)),
  });
  await page.getByRole("button", { name: "确认导入" }).click({ timeout: 60_000 });
  await expect(page.getByText(/导入完成|已导入/).first()).toBeVisible({ timeout: 60_000 });

  // The community worker's and the grid worker's accounts.
  await page.goto("/admin/accounts");
  await openAccount(page, { name: "王社工", phone: "13911110001", role: "社区工作者", node: "东湖社区" });
  await openAccount(page, { name: "李网格", phone: "13911110002", role: "网格员", node: "东湖社区第一网格" });

  const community = await firstSignIn(browser, "admin", "13911110001");
  await expect(community.getByText("我的待办").first()).toBeVisible();
  const worker = await firstSignIn(browser, "mobile", "13911110002");
  await expect(worker.getByRole("heading", { name: /您好$/ })).toBeVisible();

  // A resident scans the grid's poster: the form, then his phone and the texted code in place.
  const phoneContext = await browser.newContext({
    baseURL: BASE,
    locale: "zh-CN",
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
  });
  const resident = await phoneContext.newPage();
  await resident.goto(`/mobile/cases/new?grid=${gridCode}`);
  await resident.getByText("环境卫生", { exact: true }).click();
  await resident.getByPlaceholder(/请说说发生了什么/).fill("小区门口的垃圾桶满了两天没人清运，请尽快处理。");
  await resident.getByRole("button", { name: "提交", exact: true }).click();
  await expect(resident.getByText("验证手机号后提交")).toBeVisible();
  await resident.getByPlaceholder("请输入手机号").fill("13766660001");
  await resident.getByRole("button", { name: "获取验证码" }).click();
  await resident.getByPlaceholder("6 位数字").fill(await codeFor("13766660001"));
  await resident.getByRole("button", { name: "登录并提交" }).click();
  const code = ((await resident.getByTestId("case-code").textContent({ timeout: 30_000 })) ?? "").trim();
  expect(code).toMatch(/\S+/);

  // It lands in the grid worker's inbox, and he is told.
  await worker.goto("/mobile/cases/inbox");
  await expect(worker.getByTestId("case-item").filter({ hasText: code })).toBeVisible({ timeout: 30_000 });
  await worker.goto("/mobile/messages");
  await expect(worker.getByText(code).first()).toBeVisible({ timeout: 30_000 });
});
