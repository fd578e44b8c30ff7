import { generateDemo } from "../src/server/demo/generate/index.ts";
import { benchServer, writeResult } from "./lib.ts";

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

/** How long the demo district takes to generate and to load at first start, and the server's memory after. */
export async function benchDemo(): Promise<void> {
  let t = performance.now();
  const demo = generateDemo();
  const generateMs = Math.round(performance.now() - t);

  t = performance.now();
  const { server, dispose } = await benchServer();
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
    await dispose();
  }
}
