import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import type { FeatureCollection } from "geojson";
import { Identifiers } from "../src/server/demo/generate/identifiers.ts";
import { Rng } from "../src/server/demo/generate/random.ts";
import { benchServer, listenLocal, writeResult } from "./lib.ts";

const ROWS = 50_000;
const GOALS = { seconds: 15, peakMb: 500 };
const HEADER = [
  "身份证号",
  "姓名",
  "手机号",
  "与户主关系",
  "人口类型",
  "所属网格",
  "小区",
  "楼栋",
  "单元",
  "门牌号",
];
const RELATIONS = ["户主", "配偶", "子女", "父母"];
const SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗".split("");
const GIVEN = "建国秀英志强丽娟文华明杰海燕晓东静怡子涵浩然雨欣俊峰".split("");
const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

/** Peak resident memory of this process (the server runs in it) while `fn` runs, sampled every 20 ms. */
async function measured<T>(
  fn: () => Promise<T>,
): Promise<{ value: T; ms: number; peakMb: number; growthMb: number }> {
  global.gc?.();
  const base = process.memoryUsage().rss;
  let peak = base;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  const started = performance.now();
  try {
    const value = await fn();
    peak = Math.max(peak, process.memoryUsage().rss);
    return {
      value,
      ms: Math.round(performance.now() - started),
      peakMb: mb(peak),
      growthMb: mb(peak - base),
    };
  } finally {
    clearInterval(timer);
  }
}

/**
 * A 50,000-row resident sheet for the demo district (four people to a flat, flats spread over
 * every grid), imported through the API as the wizard does — upload, check, confirm, write —
 * against a plain streaming exceljs read of the same file in the same run.
 */
export async function benchPeopleImport(): Promise<void> {
  const { server, dispose } = await benchServer();
  const dir = mkdtempSync(join(tmpdir(), "gg-bench-import-"));
  try {
    const base = await listenLocal(server);
    const login = await fetch(`${base}/api/v1/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ phone: "13800000001", password: "demo12345" }),
    });
    const cookie = login.headers.get("set-cookie")?.split(";")[0] ?? "";
    const headers = { cookie, origin: base };
    const grids = (await (
      await fetch(`${base}/api/v1/territory/grids?format=geojson`, { headers })
    ).json()) as FeatureCollection;
    const codes = grids.features.map((f) => String(f.properties?.code));
    const file = join(dir, "residents.xlsx");
    await writeSheet(file, codes);
    const bytes = readFileSync(file);
    console.log(
      `resident import on ${server.database.kind}: ${ROWS} rows, ${(bytes.length / 1024 / 1024).toFixed(1)} MB`,
    );

    const plain = await measured(() => plainRead(file));
    const check = await measured(async () => {
      const form = new FormData();
      form.append("kind", "residents");
      form.append("file", new Blob([new Uint8Array(bytes)]), "居民导入.xlsx");
      const res = await fetch(`${base}/api/v1/imports`, { method: "POST", headers, body: form });
      if (res.status !== 202) throw new Error(`upload: ${res.status} ${await res.text()}`);
      const { id } = (await res.json()) as { id: string };
      return settle(base, headers, id);
    });
    if (check.value.status !== "checked")
      throw new Error(
        `check ended ${check.value.status}: ${JSON.stringify(check.value.problems?.slice(0, 3))}`,
      );
    const write = await measured(async () => {
      const res = await fetch(`${base}/api/v1/imports/${check.value.id}/confirm`, {
        method: "POST",
        headers,
      });
      if (res.status !== 202) throw new Error(`confirm: ${res.status} ${await res.text()}`);
      return settle(base, headers, check.value.id);
    });
    if (write.value.status !== "done")
      throw new Error(`write ended ${write.value.status}: ${write.value.message}`);

    const seconds = (check.ms + write.ms) / 1000;
    const peakGrowthMb = Math.max(check.growthMb, write.growthMb);
    const row = (name: string, r: { ms: number; peakMb: number; growthMb: number }) =>
      console.log(
        `  ${name.padEnd(30)} ${String(r.ms).padStart(6)} ms  peak RSS ${r.peakMb} MB (+${r.growthMb} MB)`,
      );
    row("plain exceljs streaming read", plain);
    row("check (upload → checked)", check);
    row("write (confirm → done)", write);
    console.log(
      `  import ${seconds.toFixed(1)} s (goal ≤ ${GOALS.seconds} s), memory +${peakGrowthMb} MB (goal ≤ ${GOALS.peakMb} MB); ${(
        (check.ms + write.ms) / plain.ms
      ).toFixed(1)}× the plain read; ${JSON.stringify(write.value.summary)}`,
    );
    writeResult(`people-import-${server.database.kind}`, {
      rows: ROWS,
      fileMb: Number((bytes.length / 1024 / 1024).toFixed(1)),
      plainRead: plain,
      check: { ms: check.ms, peakMb: check.peakMb, growthMb: check.growthMb },
      write: { ms: write.ms, peakMb: write.peakMb, growthMb: write.growthMb, summary: write.value.summary },
      importSeconds: seconds,
      goals: GOALS,
      met: { seconds: seconds <= GOALS.seconds, memory: peakGrowthMb <= GOALS.peakMb },
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await dispose();
  }
}

interface Job {
  id: string;
  status: string;
  problems?: unknown[];
  message?: string | null;
  summary?: Record<string, number>;
}

async function settle(base: string, headers: Record<string, string>, id: string): Promise<Job> {
  for (;;) {
    const job = (await (await fetch(`${base}/api/v1/imports/${id}`, { headers })).json()) as Job;
    if (["checked", "rejected", "done", "failed"].includes(job.status)) return job;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Written with the streaming writer, as a county's export would be: text cells, a header row. */
async function writeSheet(file: string, grids: string[]): Promise<void> {
  const rng = new Rng(20261125);
  const ids = new Identifiers(rng, "110101");
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false });
  const sheet = wb.addWorksheet("居民");
  sheet.addRow(HEADER).commit();
  for (let i = 0; i < ROWS; i++) {
    const flat = Math.floor(i / 4);
    const grid = grids[flat % grids.length] as string;
    const gender = rng.chance(0.5) ? "male" : "female";
    const year = 1940 + rng.int(0, 65);
    const birth = `${year}-${String(rng.int(1, 12)).padStart(2, "0")}-${String(rng.int(1, 28)).padStart(2, "0")}`;
    const name = rng.pick(SURNAMES) + rng.pick(GIVEN) + (rng.chance(0.5) ? rng.pick(GIVEN) : "");
    const n = Math.floor(flat / grids.length);
    sheet
      .addRow([
        ids.idNumber("110101", birth, gender),
        name,
        rng.chance(0.8) ? ids.phone() : "",
        RELATIONS[i % 4],
        rng.chance(0.8) ? "户籍人口" : "流动人口",
        grid,
        "导入测试小区",
        String(1 + Math.floor(n / 40)),
        String(1 + (Math.floor(n / 10) % 4)),
        String(101 + (n % 10)),
      ])
      .commit();
  }
  await wb.commit();
}

/** The reference: exceljs's streaming reader over the same file, touching every cell. */
async function plainRead(file: string): Promise<number> {
  let cells = 0;
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { sharedStrings: "cache", styles: "ignore" });
  for await (const sheet of reader) for await (const row of sheet) cells += (row as ExcelJS.Row).cellCount;
  return cells;
}
