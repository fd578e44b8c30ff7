import { existsSync } from "node:fs";
import { resolve } from "node:path";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { setPageHeaders } from "./headers.ts";

export const WEB_DIR = resolve(import.meta.dirname, "../../../../dist/web");

export interface WebOptions {
  /** The built pages; the tests may give their own. */
  webDir?: string;
  /** MAP_TILE_URL, which the pages' Content-Security-Policy lets images come from. */
  mapTileUrl?: string;
}

/** The contact card (民情联系卡), public and meant to be shown anywhere: the one page that may be framed. */
const FRAMABLE = /^\/mobile\/card\//;

/**
 * The built pages: /admin/ (staff), /mobile/ (phones), /screen (the command centre's big screen);
 * their client-side routes all get index.html. Hashed assets are cached for a year and served
 * brotli- or gzip-compressed from the `.br`/`.gz` files the build writes beside them.
 */
export async function installWeb(app: FastifyInstance, { webDir = WEB_DIR, mapTileUrl }: WebOptions = {}) {
  if (!existsSync(webDir)) {
    app.log.warn(`No built pages in ${webDir}: run \`npm run build\``);
    return;
  }
  // For the pages' index.html: their own Cache-Control (setPageHeaders), not `send`'s default.
  await app.register(fastifyStatic, { root: webDir, prefix: "/assets/", serve: false, cacheControl: false });
  await app.register(fastifyStatic, {
    root: resolve(webDir, "assets"),
    prefix: "/assets/",
    decorateReply: false,
    immutable: true,
    maxAge: "365d",
    preCompressed: true,
    // Shared caches must keep the brotli, gzip and plain answers apart.
    setHeaders: (res) => res.setHeader("vary", "Accept-Encoding"),
  });
  for (const shell of ["admin", "mobile", "screen"]) {
    const page = (request: FastifyRequest, reply: FastifyReply) => {
      setPageHeaders(reply, mapTileUrl, FRAMABLE.test(request.url));
      return reply.sendFile("index.html", resolve(webDir, shell));
    };
    // ignoreTrailingSlash: this also answers `/${shell}/`.
    app.get(`/${shell}`, page);
    app.get(`/${shell}/*`, page);
  }
  app.get("/", (_req, reply) => reply.redirect("/admin/"));
}
