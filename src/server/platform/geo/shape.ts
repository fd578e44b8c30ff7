import { kinks } from "@turf/kinks";
import type { Position } from "geojson";
import { pointText, type RingRef, ringName, say } from "./messages.ts";
import { overlapOf } from "./overlap.ts";
import type { Area, PolygonProblem } from "./types.ts";

/** Parts of a MultiPolygon sharing less than this are only touching, up to clipping noise. */
const SLIVER_M2 = 1;

/**
 * Every shape problem of a submitted geometry, as many as can be found in one pass so a file
 * is fixed in one round; an empty list means it is a usable Polygon or MultiPolygon.
 */
export function checkShape(geometry: unknown): PolygonProblem[] {
  const parsed = polygonsOf(geometry);
  if ("rule" in parsed) return [parsed];
  const { polygons, multi } = parsed;
  const ref = (p: number, r: number): RingRef => (multi ? { polygon: p + 1, ring: r + 1 } : { ring: r + 1 });
  const problems = polygons.flatMap((rings, p) => rings.flatMap((ring, r) => checkRing(ring, ref(p, r))));
  if (problems.length > 0) return problems;
  // Only well-formed rings reach turf, which assumes them.
  const clean = polygons as Position[][][];
  return [
    ...clean.flatMap((rings, p) => selfIntersection(rings, multi ? p + 1 : undefined)),
    ...partOverlaps(clean),
  ];
}

/** The polygons (each a list of rings) of a Polygon or MultiPolygon, or why there are none. */
function polygonsOf(geometry: unknown): { polygons: unknown[][][]; multi: boolean } | PolygonProblem {
  if (typeof geometry !== "object" || geometry === null || Array.isArray(geometry)) {
    return {
      rule: "type",
      message: say("几何数据不是 GeoJSON 对象", "the geometry is not a GeoJSON object"),
    };
  }
  const { type, coordinates } = geometry as { type?: unknown; coordinates?: unknown };
  if (type === "Polygon" || type === "MultiPolygon") {
    const multi = type === "MultiPolygon";
    const polygons = multi ? coordinates : [coordinates];
    // Nesting one level too shallow or too deep is the usual Polygon/MultiPolygon mix-up.
    const isRing = (ring: unknown) =>
      Array.isArray(ring) && ring.every((p) => Array.isArray(p) && !Array.isArray(p[0]));
    if (isListOf(polygons, (rings) => isListOf(rings, isRing))) {
      return { polygons: polygons as unknown[][][], multi };
    }
    return {
      rule: "type",
      message: multi
        ? say(
            "MultiPolygon 的 coordinates 层级不对：应为多边形的数组，每个多边形是环的数组，每个环是 [经度, 纬度] 坐标的数组",
            "MultiPolygon coordinates must be an array of polygons, each an array of rings of [lng, lat] positions",
          )
        : say(
            "Polygon 的 coordinates 层级不对：应为环的数组，每个环是 [经度, 纬度] 坐标的数组",
            "Polygon coordinates must be an array of rings, each an array of [lng, lat] positions",
          ),
    };
  }
  if (type === "Feature") {
    return {
      rule: "type",
      message: say("收到的是 Feature，请提交其中的 geometry", "got a Feature; submit its geometry"),
    };
  }
  if (type === "FeatureCollection") {
    return {
      rule: "type",
      message: say(
        "收到的是 FeatureCollection，请逐个提交每个要素的 geometry",
        "got a FeatureCollection; submit each feature's geometry on its own",
      ),
    };
  }
  const named = typeof type === "string";
  return {
    rule: "type",
    message: say(
      `几何类型${named ? `为 "${type}"` : "缺失"}，边界必须是 Polygon 或 MultiPolygon`,
      `geometry type is ${named ? `"${type}"` : "missing"}; a boundary must be a Polygon or MultiPolygon`,
    ),
    at: type,
  };
}

function isListOf(value: unknown, each: (item: unknown) => boolean): boolean {
  return Array.isArray(value) && value.length > 0 && value.every(each);
}

function checkRing(ring: unknown[], ref: RingRef): PolygonProblem[] {
  const name = ringName(ref);
  const problems: PolygonProblem[] = [];
  const faults = ring.flatMap((p, i) => {
    const fault = positionFault(p);
    return fault ? [{ i, p, fault }] : [];
  });
  const first = faults[0];
  if (first) problems.push(coordinateProblem(name, ref, first, faults.length));

  if (ring.length < 4) {
    problems.push({
      rule: "ring_size",
      message: say(
        `${name.zh}只有 ${ring.length} 个坐标点，至少需要 4 个（3 个顶点加上与首点相同的终点）`,
        `${name.en} has ${ring.length} positions; at least 4 are needed: 3 corners plus a closing copy of the first`,
      ),
      at: ref,
    });
  } else if (!first) {
    // Less the closing copy of the first point, which survives unless every point is the same.
    const corners = Math.max(1, withoutRepeats(ring as Position[]).length - 1);
    if (corners < 3) {
      problems.push({
        rule: "ring_size",
        message: say(
          `${name.zh}去掉连续重复的点后只剩 ${corners} 个不同顶点，围不成面`,
          `${name.en} has only ${corners} distinct corners once repeated points are dropped; it encloses no area`,
        ),
        at: ref,
      });
    }
  }

  const head = ring[0];
  const tail = ring.at(-1);
  if (ring.length >= 2 && isPair(head) && isPair(tail) && (head[0] !== tail[0] || head[1] !== tail[1])) {
    problems.push({
      rule: "closed",
      message: say(
        `多边形未闭合：${name.zh}的首尾坐标不同，首点 ${pointText(head)}，尾点 ${pointText(tail)}；请在末尾补上与首点相同的坐标`,
        `${name.en} is not closed: it starts at ${pointText(head)} but ends at ${pointText(tail)}; repeat the first position at the end`,
      ),
      at: ref,
    });
  }
  return problems;
}

const isPair = (p: unknown): p is number[] =>
  Array.isArray(p) && p.length >= 2 && Number.isFinite(p[0]) && Number.isFinite(p[1]);

function positionFault(p: unknown): "shape" | "range" | undefined {
  if (!isPair(p)) return "shape";
  return Math.abs(p[0] as number) <= 180 && Math.abs(p[1] as number) <= 90 ? undefined : "range";
}

function coordinateProblem(
  name: { zh: string; en: string },
  ref: RingRef,
  { i, p, fault }: { i: number; p: unknown; fault: "shape" | "range" },
  count: number,
): PolygonProblem {
  const more =
    count > 1
      ? { zh: `（该环共有 ${count} 个坐标有问题）`, en: `; ${count} positions of this ring are affected` }
      : { zh: "", en: "" };
  if (fault === "shape") {
    const shown = JSON.stringify(p)?.slice(0, 60) ?? String(p);
    return {
      rule: "coordinates",
      message: say(
        `${name.zh}的第 ${i + 1} 个坐标 ${shown} 不是两个有效数字 [经度, 纬度]${more.zh}`,
        `position ${i + 1} of ${name.en}, ${shown}, is not a pair of finite numbers [lng, lat]${more.en}`,
      ),
      at: { ...ref, position: i + 1 },
    };
  }
  const [x, y] = p as number[];
  const hint = rangeHint(x as number, y as number);
  return {
    rule: "coordinates",
    message: say(
      `${name.zh}的第 ${i + 1} 个坐标 ${pointText(p as number[])} 超出范围：经度须在 -180 到 180 之间，纬度须在 -90 到 90 之间${hint.zh}${more.zh}`,
      `position ${i + 1} of ${name.en}, ${pointText(p as number[])}, is out of range: lng must lie in [-180, 180], lat in [-90, 90]${hint.en}${more.en}`,
    ),
    at: p,
  };
}

/** The two usual causes of out-of-range coordinates in files exported from Chinese GIS tools. */
function rangeHint(x: number, y: number): { zh: string; en: string } {
  if (Math.abs(x) <= 90 && Math.abs(y) <= 180) {
    return {
      zh: "。看起来经纬度顺序颠倒了，GeoJSON 要求 [经度, 纬度]",
      en: "; it looks like [lat, lng], GeoJSON wants [lng, lat]",
    };
  }
  if (Math.abs(x) > 180 && Math.abs(y) > 180) {
    return {
      zh: "。看起来是以米为单位的投影坐标（如 CGCS2000 高斯-克吕格），请转换为 WGS84 经纬度",
      en: "; it looks like projected coordinates in metres (e.g. CGCS2000 Gauss-Kruger), reproject to WGS84 degrees",
    };
  }
  return { zh: "", en: "" };
}

/** Drops consecutive repeated positions: GIS exports often carry them, and turf would report them as kinks. */
function withoutRepeats(ring: Position[]): Position[] {
  return ring.filter((p, i) => {
    const prev = ring[i - 1];
    return !prev || p[0] !== prev[0] || p[1] !== prev[1];
  });
}

/** Crossing or doubled-back edges, or a hole crossing its outer ring; reports the first crossing point. */
function selfIntersection(rings: Position[][], polygon: number | undefined): PolygonProblem[] {
  const crossings = kinks({ type: "Polygon", coordinates: rings.map(withoutRepeats) }).features;
  const at = crossings[0]?.geometry.coordinates;
  if (!at) return [];
  const which = polygon
    ? { zh: `第 ${polygon} 个多边形`, en: `polygon ${polygon}` }
    : { zh: "多边形", en: "the polygon" };
  return [
    {
      rule: "self_intersection",
      message: say(
        `${which.zh}自相交：在 ${pointText(at)} 附近有边交叉或折返，或内环越出了外环`,
        `${which.en} intersects itself near ${pointText(at)}: edges cross or double back, or a hole crosses its outer ring`,
      ),
      at,
    },
  ];
}

/** Parts of a MultiPolygon may touch but not overlap: the surface would be counted twice. */
function partOverlaps(polygons: Position[][][]): PolygonProblem[] {
  const problems: PolygonProblem[] = [];
  const part = (coordinates: Position[][]): Area => ({ type: "Polygon", coordinates });
  polygons.forEach((a, i) => {
    polygons.slice(i + 1).forEach((b, k) => {
      const j = i + 1 + k;
      const overlap = overlapOf(part(a), part(b));
      if (!overlap || overlap.m2 <= SLIVER_M2) return;
      const m2 = Math.round(overlap.m2);
      problems.push({
        rule: "self_intersection",
        message: say(
          `第 ${i + 1} 个和第 ${j + 1} 个多边形相互重叠约 ${m2} 平方米，位置约在 ${pointText(overlap.near)}；请合并或修正这两部分`,
          `polygons ${i + 1} and ${j + 1} of the MultiPolygon overlap by about ${m2} m² near ${pointText(overlap.near)}; merge or fix them`,
        ),
        at: overlap.near,
      });
    });
  });
  return problems;
}
