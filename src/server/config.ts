import { resolve } from "node:path";

/** The environment of CONTRACT.md, read and validated once at start-up. */
export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  demo: boolean;
  /** How big the demo district is: CONTRACT.md's, or a small one of the same shape (tests). */
  demoSize: "full" | "small";
  adminPhone: string | undefined;
  adminPassword: string | undefined;
  piiKey: string | undefined;
  /** A file holding the key instead (e.g. a mounted secret), resolved; never created. */
  piiKeyFile: string | undefined;
  /** Name and 6-digit division code of the district created for DEMO=0. */
  districtName: string;
  districtCode: string;
  /** Optional map tiles under the grid polygons (`https://…/{z}/{x}/{y}.png`); none = polygons only. */
  mapTileUrl: string | undefined;
  mapTileAttribution: string | undefined;
  /** Set the Secure flag on the session cookie (behind HTTPS). */
  secureCookies: boolean;
  /** SMS gateway for phone-only notices (POST {phone, text}); unset = they are not sent. */
  smsWebhookUrl: string | undefined;
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new ConfigError(`PORT must be a port number, not "${env.PORT}"`);
  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError("DATABASE_URL must start with postgres:// or postgresql://");
  }
  const demo = (env.DEMO ?? "1") !== "0";
  const demoSize = env.DEMO_SIZE || "full";
  if (demoSize !== "full" && demoSize !== "small")
    throw new ConfigError(`DEMO_SIZE must be full or small, not "${env.DEMO_SIZE}"`);
  const mapTileUrl = env.MAP_TILE_URL || undefined;
  if (mapTileUrl && !/^(https?:\/\/|\/).*\{z\}.*\{x\}.*\{y\}/.test(mapTileUrl)) {
    throw new ConfigError("MAP_TILE_URL must be an http(s) or site-relative URL with {z}, {x} and {y}");
  }
  const smsWebhookUrl = env.SMS_WEBHOOK_URL || undefined;
  if (smsWebhookUrl && !/^https?:\/\/\S+$/.test(smsWebhookUrl))
    throw new ConfigError("SMS_WEBHOOK_URL must be an http(s) URL");
  if (env.PII_KEY && env.PII_KEY_FILE) throw new ConfigError("Set PII_KEY or PII_KEY_FILE, not both");
  if (env.DISTRICT_CODE && !/^\d{6}$/.test(env.DISTRICT_CODE))
    throw new ConfigError("DISTRICT_CODE must be a 6-digit division code");
  return {
    port,
    host: env.HOST || "127.0.0.1",
    databaseUrl,
    dataDir: resolve(env.DATA_DIR || "./data"),
    demo,
    demoSize,
    adminPhone: env.ADMIN_PHONE || undefined,
    adminPassword: env.ADMIN_PASSWORD || undefined,
    piiKey: env.PII_KEY || undefined,
    piiKeyFile: env.PII_KEY_FILE ? resolve(env.PII_KEY_FILE) : undefined,
    districtName: env.DISTRICT_NAME || "本区",
    districtCode: env.DISTRICT_CODE || "000000",
    mapTileUrl,
    mapTileAttribution: env.MAP_TILE_ATTRIBUTION || undefined,
    secureCookies: env.SECURE_COOKIES === "1",
    smsWebhookUrl,
  };
}
