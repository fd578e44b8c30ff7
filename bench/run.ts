import { benchAuthMe } from "./auth-me.bench.ts";
import { benchDemo } from "./demo.bench.ts";
import { benchLocate } from "./locate.bench.ts";

// `npm run bench`: every benchmark in turn; each prints its figures and writes bench/results/<name>.json.
// With DATABASE_URL set they run on that PostgreSQL server (in a throwaway database) instead of PGlite.
const benchmarks: Array<[string, () => Promise<void>]> = [
  ["auth-me", benchAuthMe],
  ["locate", benchLocate],
  ["demo", benchDemo],
];

for (const [name, run] of benchmarks) {
  console.log(`\n# ${name}`);
  await run();
}
