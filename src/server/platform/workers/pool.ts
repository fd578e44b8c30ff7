import { createRequire } from "node:module";
import { availableParallelism } from "node:os";
import { pathToFileURL } from "node:url";
import Piscina from "piscina";

/**
 * One pool of worker threads for the whole process, for CPU-heavy work (report PDFs, chart
 * pictures, workbooks) that would otherwise hold the event loop and every request behind it.
 * Made on first use, so a server that renders nothing starts no thread.
 */
let pool: Piscina | undefined;

/**
 * The task files are TypeScript, as the server is: a worker loads them through tsx. `npm start`
 * runs `node --import tsx`, which workers inherit (undefined: Node's own inheritance, which also
 * leaves out the options a worker may not take); under Vitest the parent runs TypeScript its own
 * way, so tsx is added, resolved from here rather than from the working directory.
 */
function execArgv(): string[] | undefined {
  if (process.execArgv.some((arg) => arg.includes("tsx"))) return undefined;
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;
  return [...process.execArgv, "--import", tsx];
}

function poolOf(): Piscina {
  pool ??= new Piscina({
    // One core is left to the event loop (and PGlite, which runs on it).
    maxThreads: Math.max(1, availableParallelism() - 1),
    // Idle threads leave after a minute: a month's batch of reports keeps one warm, a quiet
    // server holds none (each carries its own copy of pdfkit, ECharts and the fonts).
    minThreads: 0,
    idleTimeout: 60_000,
    // Lower priority than the event loop: when both want the CPU, requests are answered first.
    niceIncrement: 10,
    execArgv: execArgv(),
  });
  return pool;
}

/** A task function of a worker file: one argument of plain data, a result of plain data. */
// biome-ignore lint/suspicious/noExplicitAny: the argument's type is the task's own
type Task = (input: any) => unknown;

/**
 * The exported functions of a worker file, called in the pool instead of on the event loop:
 * `inWorker<typeof import("./render.ts")>(new URL("./render.ts", import.meta.url))("pdf", data)`.
 * What goes in and out is copied between threads (structured clone): plain data, no functions or
 * class instances; bytes come back without a copy when the task returns them with `transfer`.
 */
export function inWorker<M extends Record<string, Task>>(file: URL) {
  return <K extends keyof M & string>(
    name: K,
    input: Parameters<M[K]>[0],
  ): Promise<Awaited<ReturnType<M[K]>>> => poolOf().run(input, { filename: file.href, name });
}

/**
 * Bytes a task returns, handed to the calling thread rather than copied. A Buffer that shares its
 * memory with others (Node's small-buffer pool) is copied first: what is handed over is gone here.
 */
export function transfer(bytes: Uint8Array): Uint8Array {
  const owned =
    bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : new Uint8Array(bytes);
  // Piscina unwraps the marker and sends the bytes as a transfer; the caller sees a Uint8Array.
  return Piscina.move(owned) as Uint8Array;
}

/** A Uint8Array from a worker as a Buffer over the same memory. */
export const asBuffer = (bytes: Uint8Array): Buffer =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/** Stops the pool's threads (waiting for running tasks); the next task starts a new pool. */
export async function closeWorkers(): Promise<void> {
  const closing = pool;
  pool = undefined;
  await closing?.close();
}
