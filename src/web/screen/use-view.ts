import { useEffect, useMemo, useState } from "react";
import { useLocation, useNavigate, useSearchParams } from "react-router-dom";
import { todayInChina } from "../common/china-day.ts";
import type { NodeRef, ViewQuery } from "./data.ts";
import { DEFAULT_PERIOD, isPeriod, type Period, rangeOf } from "./period.ts";

export type Measure = "received" | "overdue";

/** What a drill-down leaves in the history entry it pushes: the node whose map was clicked. */
interface DrillState {
  from?: string;
}

/** Today in China, changing at midnight: a screen left on for days moves its periods along. */
function useToday(): string {
  const [today, setToday] = useState(() => todayInChina(new Date()));
  useEffect(() => {
    const timer = window.setInterval(() => setToday(todayInChina(new Date())), 60_000);
    return () => window.clearInterval(timer);
  }, []);
  return today;
}

/**
 * The screen's view, kept in the address (?node=&period=&measure=) so that a reload or a bookmark
 * shows the same area. A drill-down is a new history entry; "up" returns to the map it came from.
 */
export function useScreenView() {
  const [params, setParams] = useSearchParams();
  const location = useLocation();
  const navigate = useNavigate();
  const today = useToday();

  const node = params.get("node") ?? undefined;
  const rawPeriod = params.get("period");
  const period: Period = isPeriod(rawPeriod) ? rawPeriod : DEFAULT_PERIOD;
  const measure: Measure = params.get("measure") === "overdue" ? "overdue" : "received";
  // biome-ignore lint/correctness/useExhaustiveDependencies: today is what moves the range along.
  const query = useMemo<ViewQuery>(() => ({ node, ...rangeOf(period, new Date()) }), [node, period, today]);

  const withParam = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value === undefined) next.delete(key);
    else next.set(key, value);
    return `?${next.toString()}`;
  };
  const state = location.state as DrillState | null;

  return {
    query,
    period,
    measure,
    setPeriod: (p: Period) =>
      setParams(withParam("period", p === DEFAULT_PERIOD ? undefined : p), { replace: true, state }),
    setMeasure: (m: Measure) =>
      setParams(withParam("measure", m === "received" ? undefined : m), { replace: true, state }),
    /** Into an area of the current map. */
    drill: (current: NodeRef, to: string) =>
      navigate({ search: withParam("node", to) }, { state: { from: current.id } satisfies DrillState }),
    /** To an ancestor picked in the breadcrumb. */
    goTo: (to: string) => navigate({ search: withParam("node", to) }),
    /** Up: to the map this one was drilled from, else to the parent. */
    back: (trail: readonly NodeRef[]) => {
      if (state?.from && trail.some((n) => n.id === state.from)) return navigate(-1);
      const parent = trail.at(-1);
      if (parent) navigate({ search: withParam("node", parent.id) });
    },
  };
}

export type ScreenView = ReturnType<typeof useScreenView>;
