/** Masking for every list and every response that does not go through `revealPii`. */

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

/** "360781199001011234" → "3607**********1234". */
export const maskIdNumber = nullSafe((chars) => keepEnds(chars, 4, 4));

/** "13800000001" (also "+86 138-0000-0001") → "138****0001". */
export const maskPhone = nullSafe((chars) => {
  const mobile = normalizeMobile(chars.join(""));
  return keepEnds(mobile ? Array.from(mobile) : chars, 3, 4);
});

/** "张三" → "张*", "欧阳娜娜" → "欧***": only the first character stays. */
export const maskName = nullSafe((chars) => (chars[0] ?? "") + "*".repeat(Math.max(chars.length - 1, 0)));

/** Keeps the first 6 characters (at most half of a short address), then "****". */
export const maskAddress = nullSafe(
  (chars) => `${chars.slice(0, Math.min(6, Math.ceil(chars.length / 2))).join("")}****`,
);
