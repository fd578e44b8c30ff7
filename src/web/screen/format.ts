// Numbers as the screen prints them: pure functions, so the tests need no browser.

/** One number and the unit after it: the screen draws the number big and the unit small. */
export interface Part {
  value: string;
  unit: string;
}

/** 0.9534 → "95.3"; null (nothing rated yet) → "—". */
export function percent(rate: number | null | undefined, digits = 1): string {
  return rate === null || rate === undefined ? "—" : (rate * 100).toFixed(digits);
}

/** "12,345" in English, "12345" in Chinese (a 指挥中心 screen prints counts without separators). */
export function count(n: number, language: string): string {
  return language === "en" ? n.toLocaleString("en") : String(n);
}

/** 986 minutes → 16 小时 26 分; 16 → 16 分; null → "—". Units are the caller's words. */
export function hoursMinutes(
  minutes: number | null | undefined,
  units: { hours: string; minutes: string },
): Part[] {
  if (minutes === null || minutes === undefined) return [{ value: "—", unit: "" }];
  const total = Math.round(minutes);
  const h = Math.floor(total / 60);
  const m = total % 60;
  if (h === 0) return [{ value: String(m), unit: units.minutes }];
  if (m === 0) return [{ value: String(h), unit: units.hours }];
  return [
    { value: String(h), unit: units.hours },
    { value: String(m), unit: units.minutes },
  ];
}

/**
 * A child's name without its parent's ("红旗社区第3网格" under 红旗社区 → "第3网格"), so that labels
 * on a crowded map stay short; a name that would become empty stays whole.
 */
export function shortName(name: string, parent: string | undefined): string {
  return parent && name.startsWith(parent) && name.length > parent.length ? name.slice(parent.length) : name;
}
