import { benchAuthMe } from "./auth-me.bench.ts";
import { benchCasesIntake } from "./cases-intake.bench.ts";
import { benchDashboard } from "./dashboard.bench.ts";
import { benchDemo } from "./demo.bench.ts";
import { benchLocate } from "./locate.bench.ts";
import { benchOrdersGrab } from "./orders-grab.bench.ts";
import { benchPages } from "./pages.bench.ts";
import { benchPeopleImport } from "./people-import.bench.ts";
import { benchPoints } from "./points.bench.ts";
import { benchRenderLatency } from "./render-latency.bench.ts";
import { benchStartup } from "./startup.bench.ts";

// `npm run bench`: every benchmark in turn; each prints its figures and writes bench/results/<name>.json.
// With DATABASE_URL set they run on that PostgreSQL server (in a throwaway database) instead of PGlite.
// Names as arguments run only those: `npm run bench -- cases-intake`.
const benchmarks: Array<[string, () => Promise<void>]> = [
  ["auth-me", benchAuthMe],
  ["locate", benchLocate],
  ["demo", benchDemo],
  ["cases-intake", benchCasesIntake],
  ["orders-grab", benchOrdersGrab],
  ["people-import", benchPeopleImport],
  ["points", benchPoints],
  ["dashboard", benchDashboard],
  ["pages", benchPages],
  ["render-latency", benchRenderLatency],
  ["startup", benchStartup],
];
const only = process.argv.slice(2);

for (const [name, run] of benchmarks) {
  if (only.length > 0 && !only.includes(name)) continue;
  console.log(`\n# ${name}`);
  await run();
}
