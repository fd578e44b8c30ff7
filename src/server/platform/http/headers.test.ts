import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { precompress } from "../../../../scripts/precompress.ts";
import { loginAs, PHONES, type Session, startTestApp, type TestApp } from "../../testing/harness.ts";
import { WEB_DIR } from "./web.ts";

/**
 * The built pages when there are some (`npm install` builds them); else a stand-in of the same
 * shape, its asset compressed by the build's own step.
 */
async function webDir(): Promise<{ dir: string; made: boolean }> {
  if (existsSync(join(WEB_DIR, "admin", "index.html"))) return { dir: WEB_DIR, made: false };
  const dir = mkdtempSync(join(tmpdir(), "gridgov-web-"));
  mkdirSync(join(dir, "assets"));
  const asset = join(dir, "assets", "app-Xy12Ab34.js");
  writeFileSync(asset, `console.log(${JSON.stringify("党建引领基层治理平台 ".repeat(200))});\n`);
  await precompress([asset]);
  for (const shell of ["admin", "mobile", "screen"]) {
    mkdirSync(join(dir, shell));
    writeFileSync(
      join(dir, shell, "index.html"),
      '<!doctype html><html><head><script type="module" src="/assets/app-Xy12Ab34.js"></script></head><body><div id="root"></div></body></html>',
    );
  }
  return { dir, made: true };
}

const TILES = "https://{s}.tiles.example.cn/{z}/{x}/{y}.png";

let t: TestApp;
let web: { dir: string; made: boolean };
let staff: Session;
beforeAll(async () => {
  web = await webDir();
  t = await startTestApp({ MAP_TILE_URL: TILES }, { webDir: web.dir });
  staff = await loginAs(t.app, PHONES.communityStaff);
});
afterAll(async () => {
  await t?.close();
  if (web?.made) rmSync(web.dir, { recursive: true, force: true });
});

/** A Content-Security-Policy as directive → sources. */
const policy = (header: unknown) =>
  Object.fromEntries(
    String(header)
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .map(([name, ...sources]) => [name, sources]),
  );

describe("security headers", () => {
  it("gives every page a policy without inline script, nosniff, no framing, a referrer policy, no-cache", async () => {
    for (const url of ["/admin/", "/admin/people/residents", "/mobile/family", "/screen"]) {
      const res = await t.as(undefined).get(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.headers["content-type"]).toMatch(/^text\/html/);
      const csp = policy(res.headers["content-security-policy"]);
      expect(csp["script-src"]).toEqual(["'self'"]);
      expect(csp["object-src"]).toEqual(["'none'"]);
      expect(csp["frame-ancestors"]).toEqual(["'none'"]);
      // The map tiles of MAP_TILE_URL, its {s} subdomains included, and data:/blob: images.
      expect(csp["img-src"]).toEqual(["'self'", "data:", "blob:", "https://*.tiles.example.cn"]);
      expect(res.headers).toMatchObject({
        "x-frame-options": "DENY",
        "x-content-type-options": "nosniff",
        "referrer-policy": "strict-origin-when-cross-origin",
        "cache-control": "no-cache",
      });
      // The policy fits the page: every script it loads comes from a file of this site.
      const scripts = [...res.body.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1] ?? "");
      expect(scripts.length).toBeGreaterThan(0);
      for (const attributes of scripts) expect(attributes).toMatch(/\ssrc="\/assets\//);
    }
  });

  it("lets only the public contact card be framed (by a district portal)", async () => {
    const card = await t.as(undefined).get("/mobile/card/XG-LJ-001");
    expect(card.statusCode).toBe(200);
    expect(policy(card.headers["content-security-policy"])["frame-ancestors"]).toEqual(["*"]);
    expect(card.headers["x-frame-options"]).toBeUndefined();
    expect(card.headers["x-content-type-options"]).toBe("nosniff");
    for (const url of ["/mobile/cardigan", "/mobile/cases/new?grid=XG-LJ-001", "/screen?node=x"]) {
      const res = await t.as(undefined).get(url);
      expect(policy(res.headers["content-security-policy"])["frame-ancestors"], url).toEqual(["'none'"]);
      expect(res.headers["x-frame-options"], url).toBe("DENY");
    }
  });

  it("serves hashed assets precompressed (brotli, else gzip) and immutable for a year", async () => {
    const page = await t.as(undefined).get("/admin/");
    const src = /<script[^>]*\ssrc="(\/assets\/[^"]+\.js)"/.exec(page.body)?.[1] as string;
    const original = readFileSync(join(web.dir, src));

    const br = await t.as(undefined).get(src, { "accept-encoding": "gzip, deflate, br" });
    expect(br.statusCode).toBe(200);
    expect(br.headers["content-encoding"]).toBe("br");
    expect(br.headers["content-type"]).toMatch(/javascript/);
    expect(br.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(br.headers["x-content-type-options"]).toBe("nosniff");
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(br.rawPayload.length).toBeLessThan(original.length / 2);
    expect(brotliDecompressSync(br.rawPayload).equals(original)).toBe(true);

    const gz = await t.as(undefined).get(src, { "accept-encoding": "gzip" });
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(gz.rawPayload).equals(original)).toBe(true);

    const plain = await t.as(undefined).get(src);
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.rawPayload.equals(original)).toBe(true);

    // The static files plugin's own refusals leave in the contract's shape too.
    const range = await t.as(undefined).get(src, { range: `bytes=${original.length + 10}-` });
    expect(range.statusCode).toBe(416);
    expect(range.json().error).toEqual({
      code: "RANGE_NOT_SATISFIABLE",
      message: "请求的内容范围无效",
      details: null,
    });
  });

  it("keeps API answers with personal data out of every cache, and marks them nosniff", async () => {
    for (const url of [
      "/api/v1/people/residents",
      "/api/v1/auth/me",
      "/api/v1/people/residents?format=xlsx",
      "/api/v1/public/grids/XG-LJ-001/card",
    ]) {
      const res = await t.as(staff).get(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.headers["cache-control"], url).toBe("no-store");
      expect(res.headers["x-content-type-options"], url).toBe("nosniff");
    }
    // Errors too: a 401 and a 404 say nothing a cache should keep.
    for (const url of ["/api/v1/auth/me", "/api/v1/nowhere"]) {
      const res = await t.as(undefined).get(url);
      expect(res.headers["cache-control"], url).toBe("no-store");
      expect(res.headers["x-content-type-options"], url).toBe("nosniff");
    }
  });

  it("lets a route that chose its own caching keep it (a content-addressed photo)", async () => {
    const photo = await sharp({ create: { width: 4, height: 4, channels: 3, background: "#c8161d" } })
      .png()
      .toBuffer();
    const form = new FormData();
    form.append("file", new Blob([new Uint8Array(photo)], { type: "image/png" }), "p.png");
    const stored = await t.as(staff).post("/api/v1/files", form);
    expect(stored.headers["cache-control"]).toBe("no-store");
    const res = await t.as(staff).get(stored.json().url);
    expect(res.headers["cache-control"]).toBe("private, max-age=31536000, immutable");
  });
});
