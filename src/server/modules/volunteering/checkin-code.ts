import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * A confirmed sign-up's check-in code: HMAC(activity secret, sign-up id), so only the server can
 * make one and one activity's code is worthless at another. Eight characters of Crockford base32
 * (40 bits) are short enough to read out and type when the camera fails, and the route that takes
 * them is for staff only. The QR code carries `{signupId}.{token}`; typed, the token alone will do.
 */
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const TOKEN_LENGTH = 8;
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function checkinToken(secret: string, signupId: string): string {
  const mac = createHmac("sha256", secret).update(signupId).digest();
  let bits = 0;
  let value = 0;
  let out = "";
  for (const byte of mac) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5 && out.length < TOKEN_LENGTH) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    if (out.length === TOKEN_LENGTH) break;
  }
  return out;
}

/** What the QR code encodes. */
export const qrPayload = (secret: string, signupId: string) =>
  `${signupId}.${checkinToken(secret, signupId)}`;

/** A typed token as the alphabet has it: case, spaces and dashes ignored; O, I and L read as 0, 1, 1. */
function normaliseToken(raw: string): string {
  return raw.toUpperCase().replace(/[\s-]/g, "").replace(/O/g, "0").replace(/[IL]/g, "1");
}

export interface ParsedCode {
  signupId: string | null;
  token: string;
}

/** A scanned `{signupId}.{token}` or a typed token; null when it cannot be either. */
export function parseCode(raw: string): ParsedCode | null {
  const text = raw.trim();
  const dot = text.lastIndexOf(".");
  const signupId = dot > 0 ? text.slice(0, dot) : null;
  if (signupId !== null && !UUID_RE.test(signupId)) return null;
  const token = normaliseToken(dot > 0 ? text.slice(dot + 1) : text);
  if (token.length !== TOKEN_LENGTH || [...token].some((c) => !ALPHABET.includes(c))) return null;
  return { signupId: signupId?.toLowerCase() ?? null, token };
}

export function tokenMatches(secret: string, signupId: string, token: string): boolean {
  const expected = Buffer.from(checkinToken(secret, signupId));
  const given = Buffer.from(token);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
