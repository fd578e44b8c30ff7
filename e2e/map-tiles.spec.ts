import { expect, test } from "@playwright/test";
import { adminLogin } from "./login.ts";

// A 1×1 light-grey PNG: every tile. The e2e server has no MAP_TILE_URL, so the answer saying there
// are tiles, and the tiles themselves, are given by the browser's routes: no second server.
const TILE = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4//8/AAX+Av4N70a4AAAAAElFTkSuQmCC",
  "base64",
);

test("with map tiles configured, the grids are drawn by Leaflet over the tiles", async ({ page }) => {
  await page.route("**/api/v1/client-config", (route) =>
    route.fulfill({
      json: { map: { tileUrl: "/e2e-tiles/{z}/{x}/{y}.png", attribution: "© E2E tiles" } },
    }),
  );
  await page.route("**/e2e-tiles/**", (route) => route.fulfill({ contentType: "image/png", body: TILE }));

  await adminLogin(page, "13800000003");
  await page.getByRole("menu").getByRole("menuitem", { name: "区域管理" }).click();
  const map = page.getByTestId("grid-map");
  await expect(map.locator(".leaflet-tile-loaded").first()).toBeAttached();
  await expect(map.locator("path.leaflet-interactive")).toHaveCount(9);
  await expect(map.locator("canvas")).toHaveCount(0);
  await expect(map.locator(".leaflet-control-attribution")).toContainText("© E2E tiles");
  await expect(page.getByRole("list", { name: "图例" })).toContainText("网格");

  // Hover names the grid, a click opens its page, where it is picked out in red.
  const grid = map.locator("path.leaflet-interactive").nth(1);
  await grid.hover();
  await expect(page.locator(".leaflet-tooltip")).toContainText("网格编码");
  await grid.click();
  await expect(page).toHaveURL(/\/admin\/territory\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("grid-map").locator('path[stroke="#c8161d"]')).toHaveCount(1);
  await page.screenshot({ path: "test-results/admin-territory-tiles.png", fullPage: true });
});
