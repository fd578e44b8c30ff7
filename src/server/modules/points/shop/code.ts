import { randomInt } from "node:crypto";

/**
 * A redemption's pick-up code: eight characters drawn at random (crypto) from an alphabet without
 * look-alikes (no 0/O, 1/I/L, 2/Z, 5/S, 8/B), so it can be read out and typed when the camera
 * fails; 26^8 ≈ 2·10^11 codes make guessing a live one hopeless. The QR code carries the same text.
 */
export const CODE_ALPHABET = "34679ACDEFGHJKMNPQRTUVWXY";
export const CODE_LENGTH = 8;

export function newRedemptionCode(): string {
  let out = "";
  for (let i = 0; i < CODE_LENGTH; i++) out += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return out;
}

/** A typed or scanned code as stored: case, spaces and dashes ignored; null when it cannot be one. */
export function normaliseCode(raw: string): string | null {
  const code = raw.toUpperCase().replace(/[\s-]/g, "");
  if (code.length !== CODE_LENGTH || [...code].some((c) => !CODE_ALPHABET.includes(c))) return null;
  return code;
}
