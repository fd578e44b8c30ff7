import { resolve } from "node:path";
import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";
import { precompress } from "./scripts/precompress.ts";

// Three single-page apps served by the API process: /admin/ (staff), /mobile/ (phones) and
// /screen (the command centre's wall display).
const web = resolve(import.meta.dirname, "src/web");

const FRAMEWORK =
  /\/node_modules\/(react|react-dom|scheduler|react-router|@tanstack\/[^/]+|i18next|react-i18next)\//;

/** The hashed assets, brotli- and gzip-compressed beside themselves once written. */
const precompressAssets = (): Plugin => ({
  name: "precompress-assets",
  apply: "build",
  writeBundle: ({ dir = "" }, bundle) =>
    precompress(
      Object.keys(bundle)
        .filter((file) => file.startsWith("assets/"))
        .map((file) => resolve(dir, file)),
    ),
});

export default defineConfig({
  root: web,
  base: "/",
  plugins: [react(), precompressAssets()],
  build: {
    outDir: resolve(import.meta.dirname, "dist/web"),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
    rollupOptions: {
      input: {
        admin: resolve(web, "admin/index.html"),
        mobile: resolve(web, "mobile/index.html"),
        screen: resolve(web, "screen/index.html"),
      },
      output: {
        // What every app stands on, in one file that stays cached from one app to the other.
        manualChunks: (id) => (FRAMEWORK.test(id) ? "framework" : undefined),
        // Pages loaded on demand make many small shared chunks; a few larger ones load faster.
        experimentalMinChunkSize: 20_000,
      },
    },
  },
  server: { proxy: { "/api": "http://127.0.0.1:3000" } },
});
