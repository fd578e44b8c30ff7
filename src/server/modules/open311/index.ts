export { open311Routes } from "./routes.ts";
