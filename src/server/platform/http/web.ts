import { existsSync } from "node:fs";
import { resolve } from "node:path";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";

export const WEB_DIR = resolve(import.meta.dirname, "../../../../dist/web");

/**
 * The built pages: /admin/ (staff), /mobile/ (phones), /screen (the command centre's big screen);
 * their client-side routes all get index.html.
 */
export async function installWeb(app: FastifyInstance): Promise<void> {
  if (!existsSync(WEB_DIR)) {
    app.log.warn(`No built pages in ${WEB_DIR}: run \`npm run build\``);
    return;
  }
  await app.register(fastifyStatic, { root: WEB_DIR, prefix: "/assets/", serve: false });
  await app.register(fastifyStatic, {
    root: resolve(WEB_DIR, "assets"),
    prefix: "/assets/",
    decorateReply: false,
    immutable: true,
    maxAge: "365d",
  });
  for (const shell of ["admin", "mobile", "screen"]) {
    const page = (
      _: unknown,
      reply: { sendFile: (f: string, r: string) => unknown; header: (k: string, v: string) => unknown },
    ) => {
      reply.header("cache-control", "no-cache");
      return reply.sendFile("index.html", resolve(WEB_DIR, shell));
    };
    // ignoreTrailingSlash: this also answers `/${shell}/`.
    app.get(`/${shell}`, page);
    app.get(`/${shell}/*`, page);
  }
  app.get("/", (_req, reply) => reply.redirect("/admin/"));
}
