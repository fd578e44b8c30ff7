import { Readable } from "node:stream";
import { buffer } from "node:stream/consumers";
import { constants, crc32, createDeflateRaw, deflateRawSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loginAs, PHONES, type Session, startTestApp, type TestApp } from "../../testing/harness.ts";
import { uploadImport } from "../../testing/imports.ts";
import { AppError } from "../errors.ts";
import { openSheet, type SheetSpec } from "./index.ts";

/** An entry of a hand-made archive: its deflated bytes, and the sizes and checksum it declares. */
interface Packed {
  name: string;
  deflated: Buffer;
  size: number;
  crc: number;
}

const pack = (name: string, text: string): Packed => {
  const raw = Buffer.from(text);
  return { name, deflated: deflateRawSync(raw), size: raw.length, crc: crc32(raw) };
};

/** `count` MB of spaces, deflated as they are made: 1.5 GB never sits in memory. */
async function packSpaces(name: string, megabytes: number): Promise<Packed> {
  const mb = Buffer.alloc(1024 * 1024, 0x20);
  let crc = 0;
  for (let i = 0; i < megabytes; i++) crc = crc32(mb, crc);
  const spaces = Readable.from(
    (function* () {
      for (let i = 0; i < megabytes; i++) yield mb;
    })(),
  );
  // Run-length matching packs a run of one byte as tightly as level 9 does, five times faster.
  const deflate = createDeflateRaw({ level: 9, strategy: constants.Z_RLE, chunkSize: 1 << 20 });
  return { name, deflated: await buffer(spaces.pipe(deflate)), size: megabytes * 1024 * 1024, crc };
}

/** A ZIP archive of the entries, each declaring `declared(entry)` as its unpacked size. */
function zip(entries: Packed[], declared = (e: Packed) => e.size): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(e.crc >>> 0, 14);
    local.writeUInt32LE(e.deflated.length, 18);
    local.writeUInt32LE(declared(e), 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(e.crc >>> 0, 16);
    central.writeUInt32LE(e.deflated.length, 20);
    central.writeUInt32LE(declared(e), 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, e.deflated);
    centrals.push(central, name);
    offset += 30 + name.length + e.deflated.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const workbookXml =
  '<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="名册" sheetId="1" r:id="rId1"/></sheets></workbook>';
const relsXml =
  '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml" Type="worksheet"/></Relationships>';
const sheetXml =
  '<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>姓名</t></is></c><c r="B1" t="inlineStr"><is><t>身份证号</t></is></c></row></sheetData></worksheet>';

type Field = "name" | "idNumber";
const SPEC: SheetSpec<Field> = {
  fields: { name: { headers: ["姓名"] }, idNumber: { headers: ["身份证号"] } },
  required: ["name", "idNumber"],
};

const BOMB_MB = 1536;
let spaces: Packed;
/** styles.xml of 1.5 GB, declared so. */
let honest: Buffer;
/** The same, declaring 1 KB. */
let lying: Buffer;
/** A worksheet of 1.5 GB declaring 1 KB: read as a stream, not at once. */
let lyingSheet: Buffer;

beforeAll(async () => {
  spaces = await packSpaces("xl/styles.xml", BOMB_MB);
  const parts = [pack("xl/workbook.xml", workbookXml), pack("xl/_rels/workbook.xml.rels", relsXml)];
  honest = zip([...parts, pack("xl/worksheets/sheet1.xml", sheetXml), spaces]);
  lying = zip([...parts, pack("xl/worksheets/sheet1.xml", sheetXml), spaces], () => 1024);
  lyingSheet = zip([...parts, { ...spaces, name: "xl/worksheets/sheet1.xml" }], () => 1024);
}, 60_000);

/** The reader's refusal, how long it took, and how much the process's memory grew meanwhile. */
async function refusal(bytes: Buffer) {
  const peakBefore = process.resourceUsage().maxRSS * 1024;
  const rssBefore = process.memoryUsage().rss;
  let rssPeak = rssBefore;
  const sampler = setInterval(() => {
    rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
  }, 5);
  const started = performance.now();
  const err = await openSheet(bytes, "xlsx", SPEC).then(
    () => null,
    (e: unknown) => e,
  );
  const ms = performance.now() - started;
  clearInterval(sampler);
  rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
  // The high-water mark catches what a synchronous inflate held while no timer could run.
  const grewMb = Math.max(rssPeak - rssBefore, process.resourceUsage().maxRSS * 1024 - peakBefore) / 2 ** 20;
  return { err, ms, grewMb };
}

describe("an .xlsx that unpacks to far more than it weighs (a zip bomb)", () => {
  it("is 1.5 MB packed and 1.5 GB unpacked", () => {
    expect(honest.length).toBeLessThan(1.6 * 2 ** 20);
    expect(spaces.size).toBe(BOMB_MB * 2 ** 20);
  });

  for (const [label, file, entry] of [
    ["styles.xml declaring its 1.5 GB", () => honest, "xl/styles.xml"],
    ["styles.xml declaring 1 KB", () => lying, "xl/styles.xml"],
    ["a worksheet declaring 1 KB", () => lyingSheet, "xl/worksheets/sheet1.xml"],
  ] as const) {
    it(`is refused quickly, memory kept: ${label}`, async () => {
      const { err, ms, grewMb } = await refusal(file());
      console.log(`zip bomb (${label}): refused in ${ms.toFixed(0)} ms, memory grew ${grewMb.toFixed(1)} MB`);
      expect(err).toBeInstanceOf(AppError);
      expect(err).toMatchObject({
        code: "UNZIPPED_TOO_LARGE",
        status: 413,
        message: expect.stringContaining("文件解压后过大"),
        details: { entry },
      });
      expect(ms).toBeLessThan(5000);
      expect(grewMb).toBeLessThan(100);
    });
  }

  it("still reads the same workbook with a small styles.xml", async () => {
    const fine = zip([
      pack("xl/workbook.xml", workbookXml),
      pack("xl/_rels/workbook.xml.rels", relsXml),
      pack("xl/worksheets/sheet1.xml", sheetXml),
      pack("xl/styles.xml", "<styleSheet/>"),
    ]);
    const sheet = await openSheet(fine, "xlsx", SPEC);
    expect(sheet.titles).toEqual({ name: "姓名", idNumber: "身份证号" });
  });
});

describe("the bomb uploaded for import", () => {
  let t: TestApp;
  let staff: Session;
  beforeAll(async () => {
    // Uploads are refused (503) where no job queue runs.
    t = await startTestApp({}, { queue: true });
    staff = await loginAs(t.app, PHONES.communityStaff);
  });
  afterAll(() => t?.close());

  it("answers 413 with a clear message in the reader's language", async () => {
    const zh = await uploadImport(t, staff, "residents", lying, "居民.xlsx");
    expect(zh.statusCode).toBe(413);
    expect(zh.json().error).toMatchObject({
      code: "UNZIPPED_TOO_LARGE",
      message: expect.stringContaining("文件解压后过大"),
      details: { entry: "xl/styles.xml", limitBytes: 20 * 2 ** 20 },
    });
    const en = await uploadImport(
      t,
      { ...staff, headers: { ...staff.headers, "accept-language": "en" } },
      "residents",
      honest,
    );
    expect(en.statusCode).toBe(413);
    expect(en.json().error.message).toMatch(/too large once unpacked/);
  });
});
