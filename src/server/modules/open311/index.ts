import type { Module } from "../../platform/module/index.ts";
import { open311Routes } from "./routes.ts";

/** Open311 GeoReport v2: its own path and the specification's error format. */
export const open311Module: Module = { name: "open311", prefix: "/open311/v2", routes: [open311Routes] };
