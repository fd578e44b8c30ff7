import { defineConfig } from "drizzle-kit";

// Every module keeps its tables in tables.ts; migrations are generated from all of them.
export default defineConfig({
  dialect: "postgresql",
  schema: ["./src/server/platform/**/tables.ts", "./src/server/modules/**/tables.ts"],
  out: "./migrations",
});
