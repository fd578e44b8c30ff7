import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import jsQR from "jsqr";
import { PNG } from "pngjs";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startWithSessions, type TestApp } from "../../testing/harness.ts";

// poppler-utils (pdftoppm, pdftotext, pdfinfo, pdfimages): .ci/run installs it when missing.
const run = promisify(execFile);
const GRID = "XG-LJ-001";

let t: TestApp;
let dir: string;
beforeAll(async () => {
  ({ t } = await startWithSessions());
  dir = mkdtempSync(join(t.dataDir, "poster-"));
});
afterAll(() => t.close());

/** Downloads the poster (no login) and keeps it as a file for poppler. */
async function poster(query = "", headers: Record<string, string> = {}) {
  const res = await t.as(headers).get(`/api/v1/public/grids/${GRID}/poster.pdf${query}`);
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  const file = join(dir, `poster-${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, res.rawPayload);
  return { res, file };
}

/** Page 1 rendered at 100 dpi, and the QR code read back from the pixels. */
async function qrOnFirstPage(pdf: string): Promise<string | undefined> {
  const prefix = pdf.replace(/\.pdf$/, "");
  await run("pdftoppm", ["-png", "-r", "100", "-f", "1", "-l", "1", "-singlefile", pdf, prefix]);
  const png = PNG.sync.read(readFileSync(`${prefix}.png`));
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data;
}

const card = async (headers: Record<string, string> = {}) =>
  (await t.as(headers).get(`/api/v1/public/grids/${GRID}/card`)).json() as {
    name: string;
    formUrl: string;
    staff: Array<{ id: string; role: string; name: string; phone: string }>;
  };

describe("contact card poster", () => {
  it("is an A4 PDF whose QR code opens this grid's request form", async () => {
    const { res, file } = await poster();
    expect(res.headers["content-type"]).toBe("application/pdf");
    expect(res.headers["content-disposition"]).toBe(
      `attachment; filename="contact-card-${GRID}-A4.pdf"; filename*=UTF-8''${encodeURIComponent("红旗社区第1网格民情联系卡-A4.pdf")}`,
    );
    expect(res.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
    // The font is subset: the glyphs used, not the 10 MB font file.
    expect(res.rawPayload.length).toBeLessThan(1_000_000);
    const { stdout: info } = await run("pdfinfo", [file]);
    expect(info).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
    const { formUrl } = await card();
    expect(formUrl).toMatch(new RegExp(`/mobile/cases/new\\?grid=${GRID}$`));
    expect(await qrOnFirstPage(file)).toBe(formUrl);
  });

  it("has every staff member's name, role and phone as real text (the Chinese font is embedded)", async () => {
    const { file } = await poster();
    const { stdout: text } = await run("pdftotext", ["-enc", "UTF-8", file, "-"]);
    const { name, staff } = await card();
    expect(text).toContain(`${name} 民情联系卡`);
    expect(text).toContain("扫码反映诉求");
    expect(text).toContain("亮身份");
    expect(staff.length).toBeGreaterThan(3);
    for (const p of staff) {
      expect(text).toContain(p.name);
      expect(text).toContain(p.phone);
    }
    for (const role of ["网格长", "网格员", "楼栋长"]) expect(text).toContain(role);
    const { stdout: fonts } = await run("pdffonts", [file]);
    expect(fonts).toMatch(/NotoSansSC-Regular\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes/);
  });

  it("points the QR code at the site it was downloaded from", async () => {
    const headers = { host: "grid.example.cn" };
    const { file } = await poster("?size=A3", headers);
    expect(await qrOnFirstPage(file)).toBe(`http://grid.example.cn/mobile/cases/new?grid=${GRID}`);
    expect((await card(headers)).formUrl).toBe(`http://grid.example.cn/mobile/cases/new?grid=${GRID}`);
    const { stdout: info } = await run("pdfinfo", [file]);
    expect(info).toMatch(/Page size:\s+841\.89 x 1190\.55 pts \(A3\)/);
  });

  it("prints an uploaded photo, and a fresh poster once the card changed", async () => {
    const before = await poster();
    const { stdout: none } = await run("pdfimages", ["-list", before.file]);
    expect(none.trim().split("\n").length).toBe(2); // the header lines alone: no picture yet
    const leader = (await card()).staff.find((p) => p.role === "gridLeader");
    const data = new FormData();
    const photo = await sharp({ create: { width: 300, height: 400, channels: 3, background: "#3366aa" } })
      .jpeg()
      .toBuffer();
    data.append("file", new Blob([new Uint8Array(photo)], { type: "image/jpeg" }), "leader.jpg");
    const put = await t.as("gridWorker").put(`/api/v1/people/staff/${leader?.id}/photo`, data);
    expect(put.statusCode, put.body).toBe(200);
    const after = await poster();
    const { stdout: list } = await run("pdfimages", ["-list", after.file]);
    expect(list).toMatch(/\s300\s+400\s+rgb/);
  });

  it("refuses a size it does not print (400)", async () => {
    const res = await t.as(undefined).get(`/api/v1/public/grids/${GRID}/poster.pdf?size=A5`);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe("VALIDATION_FAILED");
  });
});
