import { area as areaM2 } from "@turf/area";
import { booleanPointInPolygon } from "@turf/boolean-point-in-polygon";
import { unprocessable } from "../errors.ts";
import { pointText, say } from "./messages.ts";
import { overlapOf } from "./overlap.ts";
import { checkShape } from "./shape.ts";
import type { Area, PolygonProblem } from "./types.ts";

export { checkShape } from "./shape.ts";
export type { Area, PolygonProblem } from "./types.ts";

/** Hand-drawn neighbouring boundaries rarely agree to the metre; slivers below this are ignored. */
export const DEFAULT_TOLERANCE_M2 = 50;

/** The part of `area` outside `parent` may be at most `toleranceM2`. */
export function checkInside(area: Area, parent: Area, toleranceM2 = DEFAULT_TOLERANCE_M2): PolygonProblem[] {
  const total = areaM2(area);
  const outside = total - (overlapOf(area, parent)?.m2 ?? 0);
  if (outside <= toleranceM2) return [];
  const at = outerVertices(area).find((p) => !booleanPointInPolygon(p, parent));
  const m2 = Math.round(outside);
  const share = ((outside / total) * 100).toFixed(1);
  return [
    {
      rule: "outside_parent",
      message: say(
        `约 ${m2} 平方米（占本区域 ${share}%）超出上级区域（允许误差 ${toleranceM2} 平方米）${at ? `，例如顶点 ${pointText(at)} 在上级边界之外` : ""}`,
        `about ${m2} m² (${share}% of the area) lies outside the parent area (tolerance ${toleranceM2} m²)${at ? `; e.g. vertex ${pointText(at)} is outside it` : ""}`,
      ),
      ...(at ? { at } : {}),
    },
  ];
}

/** One problem per sibling sharing more than `toleranceM2` with `area`. */
export function checkOverlaps(
  area: Area,
  siblings: Array<{ code: string; area: Area }>,
  toleranceM2 = DEFAULT_TOLERANCE_M2,
): PolygonProblem[] {
  return siblings.flatMap(({ code, area: other }) => {
    const overlap = overlapOf(area, other);
    if (!overlap || overlap.m2 <= toleranceM2) return [];
    const m2 = Math.round(overlap.m2);
    return [
      {
        rule: "overlap" as const,
        message: say(
          `与相邻区域 ${code} 重叠约 ${m2} 平方米（允许误差 ${toleranceM2} 平方米），重叠处约在 ${pointText(overlap.near)}`,
          `overlaps ${code} by about ${m2} m² (tolerance ${toleranceM2} m²) near ${pointText(overlap.near)}`,
        ),
        at: { code, m2, near: overlap.near },
      },
    ];
  });
}

/** Shape first: the containment and overlap checks need a sound shape to clip. */
export function validateArea(
  geometry: unknown,
  opts: { parent?: Area; siblings?: Array<{ code: string; area: Area }>; toleranceM2?: number } = {},
): { area: Area } | { problems: PolygonProblem[] } {
  const shape = checkShape(geometry);
  if (shape.length > 0) return { problems: shape };
  const area = geometry as Area;
  const tolerance = opts.toleranceM2 ?? DEFAULT_TOLERANCE_M2;
  const problems = [
    ...(opts.parent ? checkInside(area, opts.parent, tolerance) : []),
    ...checkOverlaps(area, opts.siblings ?? [], tolerance),
  ];
  return problems.length > 0 ? { problems } : { area };
}

/** validateArea for routes: the area, or a 422 listing every problem in `details.problems`. */
export function assertValidArea(geometry: unknown, opts: Parameters<typeof validateArea>[1] = {}): Area {
  const result = validateArea(geometry, opts);
  if ("area" in result) return result.area;
  const { problems } = result;
  throw unprocessable("INVALID_GEOMETRY", { problems });
}

function outerVertices(area: Area) {
  return area.type === "Polygon" ? (area.coordinates[0] ?? []) : area.coordinates.flatMap((p) => p[0] ?? []);
}
