import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadConfig } from "../src/server/config.ts";
import { generateDemo } from "../src/server/demo/generate/index.ts";
import { createServer } from "../src/server/server.ts";
import { throwawayDatabase } from "../src/server/testing/database.ts";
import { writeResult } from "./lib.ts";

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

/** How long the demo district takes to generate and to load at first start, and the server's memory after. */
export async function benchDemo(): Promise<void> {
  let t = performance.now();
  const demo = generateDemo();
  const generateMs = Math.round(performance.now() - t);

  const dataDir = mkdtempSync(join(tmpdir(), "gg-bench-demo-"));
  const target = process.env.DATABASE_URL
    ? await throwawayDatabase(process.env.DATABASE_URL, "gg_bench")
    : undefined;
  const config = loadConfig({
    DATA_DIR: dataDir,
    DEMO: "1",
    ...(target ? { DATABASE_URL: target.url } : {}),
  });
  t = performance.now();
  const server = await createServer(config);
  const startMs = Math.round(performance.now() - t);
  try {
    global.gc?.();
    const rssMb = mb(process.memoryUsage().rss);
    const heapMb = mb(process.memoryUsage().heapUsed);
    console.log(`demo district on ${server.database.kind}`);
    console.log(
      `  generate                  ${generateMs} ms (${demo.nodes.length} nodes, ${demo.residents.length} residents)`,
    );
    console.log(`  first start incl. loading ${startMs} ms  (goal ≤ 30,000 ms)`);
    console.log(`  RSS after load            ${rssMb} MB (heap ${heapMb} MB)`);
    writeResult(`demo-${server.database.kind}`, {
      generateMs,
      firstStartMs: startMs,
      goalMs: 30_000,
      rssMb,
      heapMb,
      nodes: demo.nodes.length,
      residents: demo.residents.length,
    });
  } finally {
    await server.close();
    await target?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
