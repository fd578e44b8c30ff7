import { type Draft, HOUR, MINUTE, type Step, type Who } from "./case-flow.ts";
import { materialize } from "./case-state.ts";
import type { Channel } from "./cases.ts";
import type { Rng } from "./random.ts";
import type { DemoCase } from "./types.ts";

/** A few cases reported twice: the later one is merged into the first and follows it (flow.md). */
export function duplicates(
  rng: Rng,
  cases: DemoCase[],
  drafts: Draft[],
  redraft: (master: DemoCase, channel: Channel, createdAt: number) => Draft,
  now: number,
): DemoCase[] {
  const out: DemoCase[] = [];
  // Merging is for cases still with the grid or community (flow.ts), of categories that look for duplicates.
  const candidates = cases.filter((c, i) => {
    const d = drafts[i];
    return (
      d &&
      d.start !== "departmentClaim" &&
      d.sla.duplicateMeters > 0 &&
      c.status !== "merged" &&
      c.status !== "withdrawn" &&
      c.createdAt < now - 6 * HOUR
    );
  });
  for (const master of rng.sample(candidates, Math.round(cases.length * 0.012))) {
    const createdAt = master.createdAt + rng.int(15, 600) * MINUTE;
    if (createdAt > Math.min(master.closedAt ?? now, now - 3 * HOUR)) continue;
    const channel = rng.pick(["selfService", "hotline", "patrol"] as const);
    const d = redraft(master, channel, createdAt);
    d.key = `D${String(out.length + 1).padStart(4, "0")}`;
    const steps: Step[] = [];
    let t = createdAt + d.sla.responseMinutes * (0.1 + 0.7 * rng.next()) * MINUTE;
    if (d.start === "new") steps.push({ at: t, action: "receive", to: "gridHandling", who: "grid" });
    t += rng.int(5, 90) * MINUTE;
    const merger: Who = d.start === "new" ? "grid" : "community";
    steps.push({ at: t, action: "merge", to: "merged", who: merger, data: { masterKey: master.key } });
    for (const e of master.events)
      if (e.action === "resolve" && e.at > t)
        steps.push({ at: e.at, action: "follow", who: "system", data: { masterKey: master.key } });
    const jitter = () => (rng.next() - 0.5) * 0.0003;
    // The same problem at the same spot, in the words of whoever reported it again.
    const prefix = { selfService: "", hotline: "市民来电反映：", patrol: "巡查发现：" }[channel];
    Object.assign(d.base, {
      key: d.key,
      description: prefix + master.description,
      lat: Math.round((master.lat + jitter()) * 1e6) / 1e6,
      lng: Math.round((master.lng + jitter()) * 1e6) / 1e6,
      address: master.address,
      masterKey: master.key,
      suggestedMasterKey: master.key,
    });
    out.push(materialize(d, steps, now));
  }
  return out;
}
