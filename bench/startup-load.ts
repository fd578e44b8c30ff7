import type { FeatureCollection, Polygon } from "geojson";
import { quantiles, tokenOf } from "./lib.ts";

const REQUESTS = Number(process.env.BENCH_STARTUP_REQUESTS ?? 3000);
const CONCURRENCY = 8;

type Role = "district" | "street" | "community" | "grid" | "department" | "resident";
const PHONES: Record<Role, string> = {
  district: "13800000001",
  street: "13800000002",
  community: "13800000003",
  grid: "13800000004",
  department: "13800000005",
  resident: "13800000007",
};

interface Call {
  role: Role;
  path: string;
  /** A new case at a point of the caller's grids (grid worker's patrol, resident's own report). */
  intake?: "patrol" | "selfService";
}

/**
 * What an hour of a district's office looks like, in a minute or two: staff of every level paging
 * through cases and residents, the dashboard's figures, a grid worker reporting on patrol and a
 * resident reporting from the phone. Weights are relative.
 */
const MIX: Array<[number, Call]> = [
  [8, { role: "district", path: "/cases?pageSize=20&page={page}" }],
  [6, { role: "district", path: "/people/residents?pageSize=20&page={page}" }],
  [4, { role: "district", path: "/dashboard/overview" }],
  [3, { role: "district", path: "/dashboard/trend" }],
  [3, { role: "district", path: "/dashboard/areas" }],
  [4, { role: "district", path: "/dashboard/live" }],
  [2, { role: "district", path: "/cases/satisfaction" }],
  [2, { role: "district", path: "/orders/stats" }],
  [2, { role: "district", path: "/audit" }],
  [6, { role: "street", path: "/cases?pageSize=20&page={page}" }],
  [5, { role: "street", path: "/people/residents?pageSize=20&page={page}" }],
  [3, { role: "street", path: "/dashboard/overview" }],
  [6, { role: "community", path: "/cases?pageSize=20&page={page}" }],
  [5, { role: "community", path: "/people/households?pageSize=20&page={page}" }],
  [3, { role: "community", path: "/wishes" }],
  [6, { role: "grid", path: "/cases", intake: "patrol" }],
  [4, { role: "grid", path: "/cases/mine" }],
  [3, { role: "grid", path: "/people/residents?pageSize=20&page={page}" }],
  [3, { role: "department", path: "/whistles" }],
  [2, { role: "department", path: "/dashboard/department" }],
  [4, { role: "resident", path: "/cases", intake: "selfService" }],
  [4, { role: "resident", path: "/cases/mine" }],
  [3, { role: "resident", path: "/orders/hall" }],
  [2, { role: "resident", path: "/notifications" }],
  [2, { role: "resident", path: "/auth/me" }],
];

/** Exports to .xlsx among them, a fixed number each: the district's residents are 50,000 rows. */
const EXPORTS: Array<[number, Call]> = [
  [2, { role: "district", path: "/people/residents?format=xlsx" }],
  [4, { role: "district", path: "/cases?format=xlsx" }],
  [4, { role: "street", path: "/people/residents?format=xlsx" }],
  [6, { role: "community", path: "/cases?format=xlsx" }],
  [4, { role: "community", path: "/people/residents?format=xlsx" }],
];

export interface LoadFigures {
  requests: number;
  roles: number;
  concurrency: number;
  seconds: number;
  latencyMs: ReturnType<typeof quantiles>;
  byStatus: Record<string, number>;
  failed: number;
  firstFailures: string[];
}

/** Runs the mix and the exports against `base`, CONCURRENCY at a time. */
export async function hourLikeLoad(base: string): Promise<LoadFigures> {
  const roles = Object.keys(PHONES) as Role[];
  const tokens = Object.fromEntries(
    await Promise.all(roles.map(async (r) => [r, await tokenOf(base, PHONES[r])] as const)),
  ) as Record<Role, string>;
  const points = {
    grid: await pointsOf(base, tokens.grid),
    resident: await pointsOf(base, tokens.resident),
  };
  const calls = planned();
  const latencies: number[] = [];
  const byStatus: Record<string, number> = {};
  const firstFailures: string[] = [];
  let next = 0;
  const one = async (call: Call, i: number) => {
    const headers: Record<string, string> = { authorization: `Bearer ${tokens[call.role]}` };
    let body: string | undefined;
    if (call.intake) {
      const spots = points[call.role === "grid" ? "grid" : "resident"];
      const [lng, lat] = spots[i % spots.length] ?? [0, 0];
      headers["content-type"] = "application/json";
      body = JSON.stringify({
        channel: call.intake,
        categoryCode: "sanitation",
        description: `楼道堆放杂物，影响通行（负载 #${i}）`,
        location: { lat, lng },
      });
    }
    const path = call.path.replace("{page}", String(1 + ((i * 31) % 50)));
    const t = performance.now();
    const res = await fetch(`${base}/api/v1${path}`, { method: body ? "POST" : "GET", headers, body });
    await res.arrayBuffer();
    latencies.push(performance.now() - t);
    byStatus[res.status] = (byStatus[res.status] ?? 0) + 1;
    if (res.status >= 300 && firstFailures.length < 5)
      firstFailures.push(`${call.role} ${body ? "POST" : "GET"} ${path}: ${res.status}`);
  };
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < calls.length) {
        const i = next++;
        const call = calls[i];
        if (call) await one(call, i);
      }
    }),
  );
  const failed = Object.entries(byStatus)
    .filter(([status]) => Number(status) >= 300)
    .reduce((n, [, count]) => n + count, 0);
  for (const f of firstFailures) console.log(`  failed: ${f}`);
  return {
    requests: calls.length,
    roles: roles.length,
    concurrency: CONCURRENCY,
    seconds: Math.round((performance.now() - started) / 1000),
    latencyMs: quantiles(latencies),
    byStatus,
    failed,
    firstFailures,
  };
}

/** REQUESTS calls of the mix in a fixed, well-mixed order, the exports spread evenly among them. */
function planned(): Call[] {
  const total = MIX.reduce((n, [w]) => n + w, 0);
  const calls = Array.from({ length: REQUESTS }, (_, i) => {
    let pick = ((i * 7919) % 1000) * (total / 1000);
    for (const [w, call] of MIX) {
      pick -= w;
      if (pick < 0) return call;
    }
    return MIX[0]?.[1] as Call;
  });
  const exports = EXPORTS.flatMap(([n, call]) => Array.from({ length: n }, () => call));
  const every = Math.floor(calls.length / (exports.length + 1));
  exports.forEach((call, k) => {
    calls.splice((k + 1) * every + k, 0, call);
  });
  return calls;
}

/** A point well inside each of the caller's grids (the demo grids are rectangles). */
async function pointsOf(base: string, token: string): Promise<Array<[number, number]>> {
  const res = await fetch(`${base}/api/v1/territory/grids?format=geojson`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const grids = (await res.json()) as FeatureCollection<Polygon>;
  return grids.features.map((f) => {
    const ring = f.geometry.coordinates[0] ?? [];
    const xs = ring.map((p) => p[0] ?? 0);
    const ys = ring.map((p) => p[1] ?? 0);
    return [(Math.min(...xs) + Math.max(...xs)) / 2, (Math.min(...ys) + Math.max(...ys)) / 2];
  });
}
