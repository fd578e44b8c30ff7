import { expect, type Page, test } from "@playwright/test";
import type { ECharts } from "echarts/core";
import { failOnCspViolations } from "./csp.ts";
import { DEMO_PASSWORD } from "./login.ts";

failOnCspViolations();

// The command centre's wall display: a district official logs in, sees the district, drills into a
// community on the map and comes back up.
test.use({ viewport: { width: 1920, height: 1080 } });

type Ring = [number, number][];
interface Area {
  id: string;
  name: string;
  received: number;
  geometry: { type: "Polygon"; coordinates: Ring[] } | { type: "MultiPolygon"; coordinates: Ring[][] };
}

/** The area-weighted centre of an area's (first) outer ring: a point inside a convex area. */
function centroid(area: Area): [number, number] {
  const ring =
    area.geometry.type === "Polygon" ? area.geometry.coordinates[0] : area.geometry.coordinates[0]?.[0];
  let [a, x, y] = [0, 0, 0];
  for (const [i, [x0, y0]] of (ring ?? []).entries()) {
    const [x1, y1] = ring?.[(i + 1) % ring.length] ?? [x0, y0];
    const cross = x0 * y1 - x1 * y0;
    a += cross;
    x += (x0 + x1) * cross;
    y += (y0 + y1) * cross;
  }
  return [x / (3 * a), y / (3 * a)];
}

const received = async (page: Page) => Number(await page.getByTestId("screen-received").textContent());

async function loginFromScreen(page: Page, phone: string) {
  await page.goto("/screen");
  // Logged out: the admin login, which knows the way back. The first pages after the server starts
  // come while it is still busy with its start-up jobs, hence the patience here and below.
  await expect(page).toHaveURL(/\/admin\/login\?next=%2Fscreen$/, { timeout: 20_000 });
  await page.getByLabel("手机号").fill(phone);
  await page.getByLabel("密码", { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: /^登\s?录$/ }).click();
  await expect(page).toHaveURL(/\/screen$/, { timeout: 20_000 });
}

test("district admin: the big screen, a drill-down into a community on the map and back", async ({
  page,
}, testInfo) => {
  await loginFromScreen(page, "13800000001");
  await expect(page.getByRole("heading", { name: "兴安区 · 党建引领基层治理指挥中心" })).toBeVisible();
  await expect(page.getByTestId("screen-node")).toHaveText("兴安区");
  await expect(page.getByTestId("screen-received")).toHaveText(/^\d+$/);
  await expect(page.getByRole("button", { name: "近30天" })).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByTestId("screen-live").locator("li").first()).toBeVisible();
  // The map is drawn once its series is set; then a moment for its first animation.
  await page.waitForFunction(() => {
    const chart = (window as { __screenChart?: ECharts }).__screenChart;
    return !!chart && ((chart.getOption()?.series as unknown[] | undefined)?.length ?? 0) > 0;
  });
  await page.waitForTimeout(1000);
  await page.screenshot({ path: testInfo.outputPath("screen.png") });
  await page.screenshot({ path: "test-results/screen-1920x1080.png" });

  const district = await received(page);
  expect(district).toBeGreaterThan(0);

  // A community with requests, clicked where it is on the canvas.
  const areas = (await (await page.request.get("/api/v1/dashboard/areas")).json()) as { items: Area[] };
  const community = areas.items.find((a) => a.received > 0 && a.geometry);
  if (!community) throw new Error("the demo district has no community with requests");
  const [x, y] = await page.evaluate(
    (at) =>
      (window as { __screenChart?: ECharts }).__screenChart?.convertToPixel(
        { seriesIndex: 0 },
        at,
      ) as number[],
    centroid(community),
  );
  const box = await page.getByTestId("screen-map").boundingBox();
  if (!box || x === undefined || y === undefined) throw new Error("the map is not on the page");
  await page.mouse.click(box.x + x, box.y + y);

  await expect(page.getByTestId("screen-node")).toHaveText(community.name);
  await expect(page).toHaveURL(new RegExp(`node=${community.id}`));
  await expect.poll(() => received(page)).toBeLessThan(district);
  expect(await received(page)).toBeGreaterThan(0);
  const trail = page.getByRole("navigation", { name: "层级导航" });
  await expect(trail.getByRole("button", { name: "兴安区" })).toBeVisible();
  await page.waitForTimeout(800);
  await page.screenshot({ path: "test-results/screen-community.png" });

  await page.getByTestId("screen-back").click();
  await expect(page.getByTestId("screen-node")).toHaveText("兴安区");
  await expect(page.getByTestId("screen-received")).toHaveText(String(district));
  await expect(page.getByTestId("screen-back")).toBeDisabled();

  // A shorter period: fewer requests, the switch and the address say which.
  await page.getByRole("button", { name: "近7天" }).click();
  await expect(page).toHaveURL(/period=last7/);
  await expect(page.getByRole("button", { name: "近7天" })).toHaveAttribute("aria-pressed", "true");
  await expect.poll(() => received(page)).toBeLessThan(district);
});

test("department staff: told plainly that the screen is not theirs", async ({ page }) => {
  await loginFromScreen(page, "13800000005");
  await expect(page.getByText("当前账号没有查看指挥中心大屏的权限")).toBeVisible();
  await expect(page.getByRole("link", { name: "返回管理后台" })).toHaveAttribute("href", "/admin/");
});
