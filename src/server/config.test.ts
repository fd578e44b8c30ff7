import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config.ts";
import { startTestApp } from "./testing/harness.ts";

describe("configuration", () => {
  it("refuses values that would fail later, naming the variable", () => {
    expect(() => loadConfig({ PORT: "http" })).toThrow(ConfigError);
    expect(() => loadConfig({ DATABASE_URL: "mysql://x" })).toThrow(/DATABASE_URL/);
    expect(() => loadConfig({ DISTRICT_CODE: "36" })).toThrow(/DISTRICT_CODE/);
    expect(() => loadConfig({ MAP_TILE_URL: "https://tiles.example/tile.png" })).toThrow(/MAP_TILE_URL/);
    expect(() => loadConfig({ PII_KEY: "k", PII_KEY_FILE: "/etc/k" })).toThrow(/PII_KEY or PII_KEY_FILE/);
  });

  it("tells the pages the map tile URL, or that there is none", async () => {
    const tiles = "https://tiles.example.cn/{z}/{x}/{y}.png";
    const withTiles = await startTestApp({ MAP_TILE_URL: tiles, MAP_TILE_ATTRIBUTION: "© 示例测绘" });
    try {
      const res = await withTiles.app.inject({ url: "/api/v1/client-config" });
      expect(res.json()).toEqual({ map: { tileUrl: tiles, attribution: "© 示例测绘" } });
    } finally {
      await withTiles.close();
    }
    expect(loadConfig({}).mapTileUrl).toBeUndefined();
  });
});
