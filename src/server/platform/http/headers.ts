import type { FastifyInstance, FastifyReply } from "fastify";

/**
 * nosniff on every answer, so a browser never runs an upload or a JSON answer as a script or a
 * page; and `no-store` on every API answer that did not choose its own caching: lists, details and
 * exports carry personal data, which must not stay in a shared computer's cache or a proxy's.
 * Routes that may be cached (public photos, a user's own content-addressed photos) say so.
 */
export function installSecurityHeaders(app: FastifyInstance): void {
  app.addHook("onSend", async (request, reply, payload) => {
    reply.header("x-content-type-options", "nosniff");
    if (request.url.startsWith("/api/") && !reply.hasHeader("cache-control"))
      reply.header("cache-control", "no-store");
    return payload;
  });
}

/**
 * Where map tiles may come from, for img-src: MAP_TILE_URL's scheme and host, Leaflet's `{s}`
 * subdomains as a wildcard. A host CSP cannot name (a template inside a label) widens it to the
 * scheme; a site-relative URL is 'self' already.
 */
function tileSource(mapTileUrl: string | undefined): string | null {
  const m = mapTileUrl ? /^(https?:)\/\/([^/?#]+)/i.exec(mapTileUrl) : null;
  if (!m) return null;
  const host = (m[2] ?? "").replace(/^\{s\}\./, "*.");
  return /^(\*\.)?[A-Za-z0-9.-]+(:\d+)?$/.test(host) ? `${m[1]}//${host}` : (m[1] ?? "https:");
}

/**
 * The built pages' Content-Security-Policy. Vite's output has no inline script, so scripts come
 * from this site alone; styles need 'unsafe-inline', for Ant Design writes its styles at run time
 * (CSS-in-JS) and ECharts and React set style attributes. Images: this site, map tiles, and the
 * data:/blob: URLs of photo previews and charts.
 */
export function pagePolicy(mapTileUrl: string | undefined, framable: boolean): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    ["img-src 'self' data: blob:", tileSource(mapTileUrl)].filter(Boolean).join(" "),
    "font-src 'self' data:",
    "connect-src 'self'",
    "media-src 'self' blob:",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${framable ? "*" : "'none'"}`,
  ].join("; ");
}

/**
 * Headers of a page (index.html of /admin, /mobile, /screen). Only the public contact card may be
 * framed (README: Security headers); every other page refuses framing, also for browsers that know
 * X-Frame-Options alone. Never cached as is: a new build must reach users at once.
 */
export function setPageHeaders(reply: FastifyReply, mapTileUrl: string | undefined, framable: boolean): void {
  reply
    .header("content-security-policy", pagePolicy(mapTileUrl, framable))
    .header("referrer-policy", "strict-origin-when-cross-origin")
    .header("cache-control", "no-cache");
  if (!framable) reply.header("x-frame-options", "DENY");
}
