/**
 * The masks of personal data, for every list, detail, export and page that does not show the
 * whole value through a logged reveal. Server and web both use these, so there is one rule each.
 */

import { normalizeMobile } from "./validators.ts";

type Mask = {
  (value: string): string;
  (value: string | null | undefined): string | null;
};

/** Wraps a string mask so that null/undefined pass through as null. */
function nullSafe(mask: (chars: string[]) => string): Mask {
  // Array.from splits by code point, so characters outside the BMP are never cut in half.
  return ((value: string | null | undefined) => (value == null ? null : mask(Array.from(value)))) as Mask;
}

/** Keeps `head` and `tail` characters when enough remain hidden; otherwise hides everything. */
function keepEnds(chars: string[], head: number, tail: number): string {
  if (chars.length <= head + tail) return "*".repeat(chars.length);
  return chars.slice(0, head).join("") + "*".repeat(chars.length - head - tail) + chars.slice(-tail).join("");
}

/**
 * "360781199001011234" → "36**************34": the province and the last two characters.
 *
 * A masked number is shown beside the gender, the age and the home address, and the address
 * usually gives away the county (most residents are registered where they live). With the county,
 * the gender and the age known, what stays hidden is the day of birth within a year and two
 * sequence digits; the check character keeps 1 in 11: about 3,300 numbers fit. The birth date
 * would leave about 9 of them, so wherever this mask is shown the birth date is not (the age is);
 * the birth date comes with the whole number, through a logged reveal. Keeping four characters at
 * each end, as before, left about one number even without the county. See masks.test.ts.
 *
 * Masking an already masked number gives the same result, so masks stored under the older, longer
 * rule come out right when masked again on the way out.
 */
export const maskIdNumber = nullSafe((chars) => keepEnds(chars, 2, 2));

/** "13800000001" (also "+86 138-0000-0001") → "138****0001": 10,000 numbers fit. */
export const maskPhone = nullSafe((chars) => {
  const mobile = normalizeMobile(chars.join(""));
  return keepEnds(mobile ? Array.from(mobile) : chars, 3, 4);
});

/** "张三" → "张*", "欧阳娜娜" → "欧***": only the first character (the surname, mostly) stays. */
export const maskName = nullSafe((chars) => (chars[0] ?? "") + "*".repeat(Math.max(chars.length - 1, 0)));

/** Keeps the first 6 characters (at most half of a short address): the district, never the door. */
export const maskAddress = nullSafe(
  (chars) => `${chars.slice(0, Math.min(6, Math.ceil(chars.length / 2))).join("")}****`,
);
