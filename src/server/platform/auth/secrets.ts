import { createHash, randomBytes } from "node:crypto";

/** A random, URL-safe secret (session ids, API tokens). */
export const newSecret = (bytes = 32) => randomBytes(bytes).toString("base64url");

/** Secrets are stored only as their SHA-256: a leaked table opens no session. */
export const sha256 = (value: string) => createHash("sha256").update(value).digest("hex");
