import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { throwawayDatabase } from "../src/server/testing/database.ts";
import { type Running, spawnServer } from "../src/server/testing/process.ts";
import { onEachDatabase, quantiles, writeResult } from "./lib.ts";
import { hourLikeLoad } from "./startup-load.ts";

const GOALS = { firstStartMs: 30_000, restartMs: 3_000, rssMb: { pglite: 600, postgres: 250 } };
const RESTARTS = 3;
const SETTLE_MS = 70_000;
const TICKS_PER_SECOND = 100; // Linux's USER_HZ, the unit of /proc/<pid>/stat's CPU times

/**
 * `npm start` as a user runs it (node --import tsx src/server/main.ts, its own process), on PGlite
 * and on PostgreSQL: the first start with the demo district, restarts of the same data (SIGTERM,
 * start again; once more with tsx's transpile cache off), each until /healthz answers, with the
 * server's own breakdown of its start-up steps; and the server's resident memory after start, at
 * its peak during the demo load and after an hour-like load (startup-load.ts).
 */
export async function benchStartup(): Promise<void> {
  const databases = await onEachDatabase(runOn);
  writeResult("startup", { goals: GOALS, restarts: RESTARTS, databases });
}

async function runOn(serverUrl: string | undefined) {
  const dataDir = mkdtempSync(join(tmpdir(), "gg-bench-startup-"));
  const target = serverUrl ? await throwawayDatabase(serverUrl, "gg_bench") : undefined;
  const kind = target ? "postgres" : "pglite";
  // DATABASE_URL empty means the embedded database even when the bench itself runs with one set.
  const env = { DATA_DIR: dataDir, DEMO: "1", DEMO_SIZE: "full", DATABASE_URL: target?.url ?? "" };
  let running: Running | undefined;
  try {
    console.log(`start-up on ${kind}`);
    const first = await start(env);
    running = first.running;
    report("first start with the demo", first, GOALS.firstStartMs);
    await stop(running);

    const restarts = [];
    for (let i = 0; i < RESTARTS; i++) {
      const again = await start(env);
      running = again.running;
      report(`restart ${i + 1}`, again, GOALS.restartMs);
      restarts.push(again);
      if (i < RESTARTS - 1) await stop(running);
    }
    // The last restart keeps running for the load; a cold-cache restart comes after it.
    const afterStart = memoryOf(running.proc.pid);
    const load = await hourLikeLoad(running.url);
    const afterLoad = memoryOf(running.proc.pid);
    // Report rendering threads leave after a minute idle (platform/workers): what stays once they have.
    await new Promise((r) => setTimeout(r, SETTLE_MS));
    const settled = memoryOf(running.proc.pid);
    const rssGoal = GOALS.rssMb[kind];
    console.log(
      `  hour-like load: ${load.requests} requests by ${load.roles} roles in ${load.seconds} s, p50 ${load.latencyMs.p50} ms p99 ${load.latencyMs.p99} ms, ${load.failed} failed`,
    );
    console.log(
      `  RSS after start ${afterStart.rssMb} MB, after the load ${afterLoad.rssMb} MB (peak ${afterLoad.peakMb} MB), ${SETTLE_MS / 1000} s later ${settled.rssMb} MB; goal ≤ ${rssGoal} MB: ${verdict(Math.max(afterStart.rssMb, afterLoad.rssMb) <= rssGoal)}`,
    );
    await stop(running);

    const cold = await start({ ...env, TSX_DISABLE_CACHE: "1" });
    running = cold.running;
    report("restart, tsx cache off", cold, GOALS.restartMs);
    await stop(running);
    running = undefined;

    const restartMs = quantiles(restarts.map((r) => r.ms)).p50;
    console.log(
      `  restart median ${(restartMs / 1000).toFixed(1)} s (goal ≤ ${GOALS.restartMs / 1000} s): ${verdict(restartMs <= GOALS.restartMs)}`,
    );
    const figures = (s: Started) => ({ ms: s.ms, cpuSeconds: s.cpuSeconds, ...s.memory, steps: s.steps });
    return {
      kind,
      firstStart: { ...figures(first), met: first.ms <= GOALS.firstStartMs },
      restarts: restarts.map(figures),
      restartMedianMs: restartMs,
      restartMet: restartMs <= GOALS.restartMs,
      restartTsxCacheOff: figures(cold),
      memory: {
        afterStartMb: afterStart.rssMb,
        peakDuringDemoLoadMb: first.memory.peakMb,
        afterLoadMb: afterLoad.rssMb,
        peakDuringLoadMb: afterLoad.peakMb,
        settledAfterLoadMb: settled.rssMb,
        goalMb: rssGoal,
        met: Math.max(afterStart.rssMb, afterLoad.rssMb) <= rssGoal,
      },
      load,
    };
  } finally {
    if (running) await stop(running);
    await target?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

interface Started {
  running: Running;
  /** From spawning the process until /healthz answered. */
  ms: number;
  /** CPU the server process used until then (all its threads). */
  cpuSeconds: number;
  memory: { rssMb: number; peakMb: number };
  /** The server's own "Started in …" breakdown, seconds per step. */
  steps: Record<string, number>;
}

async function start(env: Record<string, string>): Promise<Started> {
  const started = performance.now();
  const running = await spawnServer(env);
  const ready = performance.now();
  for (;;) {
    const res = await fetch(`${running.url}/healthz`).catch(() => undefined);
    if (res?.status === 200) break;
    await new Promise((r) => setTimeout(r, 20));
  }
  const ms = Math.round(performance.now() - started);
  const pid = running.proc.pid ?? 0;
  const steps = stepsIn(running.output());
  steps["first /healthz"] = Number(((performance.now() - ready) / 1000).toFixed(2));
  return { running, ms, cpuSeconds: cpuSecondsOf(pid), memory: memoryOf(pid), steps };
}

async function stop(running: Running): Promise<void> {
  if (running.proc.exitCode !== null) return;
  running.proc.kill("SIGTERM");
  await running.exited;
}

function report(what: string, s: Started, goalMs: number) {
  const steps = Object.entries(s.steps)
    .map(([step, seconds]) => `${step} ${seconds.toFixed(2)}`)
    .join(" · ");
  console.log(
    `  ${what.padEnd(26)} ${(s.ms / 1000).toFixed(1).padStart(5)} s (goal ≤ ${goalMs / 1000} s: ${verdict(s.ms <= goalMs)})  CPU ${s.cpuSeconds} s  RSS ${s.memory.rssMb} MB, peak ${s.memory.peakMb} MB`,
  );
  console.log(`    ${steps || "(no breakdown printed)"}`);
}

const verdict = (met: boolean) => (met ? "met" : "NOT met");

/** The server's "Started in 3.10 s: modules 1.20 s, database 0.60 s, …" line as seconds per step. */
function stepsIn(output: string): Record<string, number> {
  const line = /^Started in .*$/m.exec(output)?.[0] ?? "";
  const steps: Record<string, number> = {};
  for (const m of line.slice(line.indexOf(":") + 1).matchAll(/([a-zA-Z][\w -]*?) (\d+\.\d+) s/g))
    steps[m[1] ?? ""] = Number(m[2]);
  return steps;
}

/** Resident memory now and its peak so far (VmHWM), from /proc. */
function memoryOf(pid: number | undefined): { rssMb: number; peakMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+)`, "m").exec(status)?.[1] ?? 0);
  return { rssMb: Math.round(kb("VmRSS") / 1024), peakMb: Math.round(kb("VmHWM") / 1024) };
}

function cpuSecondsOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return Number(((Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND).toFixed(1));
}
