import { PassThrough } from "node:stream";
import { setImmediate as tick } from "node:timers/promises";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { attachment, chinaDay, type Sheet, writeXlsx } from "./write.ts";

interface Row {
  n: number;
  name: string;
  born: string;
  at: string | null;
}

const sheet: Sheet<Row> = {
  name: "居民名单",
  columns: [
    { header: "序号", width: 6, value: (r) => r.n },
    { header: "姓名", width: 12, value: (r) => r.name },
    { header: "出生日期", width: 12, value: (r) => r.born, format: "date" },
    { header: "登记时间", width: 17, value: (r) => r.at, format: "datetime" },
  ],
};

/**
 * Rows made one at a time, with a turn of the event loop now and then as a database query over a
 * socket gives; `io: false` never gives one, as PGlite (in-process) does not.
 */
async function* rows(count: number, made: { n: number }, io = true): AsyncGenerator<Row> {
  for (let n = 1; n <= count; n++) {
    made.n = n;
    if (io && n % 100 === 0) await tick();
    yield { n, name: `居民${n}`, born: "1990-03-07", at: n % 2 ? "2026-11-25T01:30:00.000Z" : null };
  }
}

async function collect(out: PassThrough): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of out) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function open(bytes: Buffer) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  const ws = book.worksheets[0];
  if (!ws) throw new Error("no sheet");
  return ws;
}

describe("streaming xlsx writer", () => {
  it("writes a sheet that opens in Excel terms: headers, widths, frozen header, dates as dates", async () => {
    const out = new PassThrough();
    const [bytes] = await Promise.all([collect(out), writeXlsx(out, sheet, rows(3, { n: 0 }))]);
    const ws = await open(bytes);
    expect(ws.name).toBe("居民名单");
    expect(ws.getRow(1).values).toEqual([undefined, "序号", "姓名", "出生日期", "登记时间"]);
    expect(ws.getRow(1).getCell(1).font).toMatchObject({ bold: true });
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(ws.getColumn(2).width).toBe(12);
    expect(ws.rowCount).toBe(4);
    expect(ws.getCell("B2").value).toBe("居民1");
    // A day stays that day; a moment shows the wall clock in China (01:30Z is 09:30 there).
    expect(ws.getCell("C2").value).toEqual(new Date("1990-03-07T00:00:00Z"));
    expect(ws.getCell("C2").numFmt).toBe("yyyy-mm-dd");
    expect(ws.getCell("D2").value).toEqual(new Date("2026-11-25T09:30:00Z"));
    expect(ws.getCell("D2").numFmt).toBe("yyyy-mm-dd hh:mm");
    expect(ws.getCell("D3").value).toBeNull();
  });

  it("stops reading rows while nobody takes the file, and goes on when it is taken", async () => {
    const made = { n: 0 };
    const out = new PassThrough();
    const writing = writeXlsx(out, sheet, rows(50_000, made));
    // Nobody reads yet: the writer must wait for the reader instead of reading every row into memory.
    for (let i = 0; i < 200; i++) await tick();
    const stalledAt = made.n;
    expect(stalledAt).toBeLessThan(50_000);
    for (let i = 0; i < 200; i++) await tick();
    expect(made.n).toBe(stalledAt);
    const [bytes] = await Promise.all([collect(out), writing]);
    const ws = await open(bytes);
    expect(ws.rowCount).toBe(50_001);
    expect(ws.getCell("B50001").value).toBe("居民50000");
  });

  it("sends the file while rows are being made, even from a source that never waits on I/O", async () => {
    const made = { n: 0 };
    const out = new PassThrough();
    let sent = 0;
    let rowsWhenSent100k = 0;
    out.on("data", (chunk: Buffer) => {
      sent += chunk.length;
      if (sent > 100_000 && !rowsWhenSent100k) rowsWhenSent100k = made.n;
    });
    await writeXlsx(out, sheet, rows(50_000, made, false));
    // The compressed file is about 700 kB: its first 100 kB leave before the last row is made.
    expect(sent).toBeGreaterThan(500_000);
    expect(rowsWhenSent100k).toBeGreaterThan(0);
    expect(rowsWhenSent100k).toBeLessThan(50_000);
  });

  it("stops when the download is cancelled while it waits for a slow reader", async () => {
    const made = { n: 0 };
    const out = new PassThrough();
    const writing = writeXlsx(out, sheet, rows(50_000, made));
    for (let i = 0; i < 200; i++) await tick();
    out.destroy();
    await writing;
    expect(made.n).toBeLessThan(50_000);
  });

  it("stops, reading no further, when the download is cancelled", async () => {
    const made = { n: 0 };
    const out = new PassThrough();
    out.resume();
    const writing = writeXlsx(out, sheet, rows(50_000, made));
    await tick();
    out.destroy();
    await writing;
    expect(made.n).toBeLessThan(50_000);
  });
});

describe("download names", () => {
  it("gives an ASCII name and the UTF-8 one (RFC 5987)", () => {
    expect(attachment("居民名单-20261125.xlsx", "residents-20261125.xlsx")).toBe(
      "attachment; filename=\"residents-20261125.xlsx\"; filename*=UTF-8''%E5%B1%85%E6%B0%91%E5%90%8D%E5%8D%95-20261125.xlsx",
    );
    expect(attachment("It's (mine).xlsx", "x.xlsx")).toContain("filename*=UTF-8''It%27s%20%28mine%29.xlsx");
  });

  it("dates the file by the day in China", () => {
    expect(chinaDay(new Date("2026-11-24T16:30:00Z"))).toBe("20261125");
    expect(chinaDay(new Date("2026-11-24T15:30:00Z"))).toBe("20261124");
  });
});
