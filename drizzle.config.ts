import { defineConfig } from "drizzle-kit";

// Every module keeps its tables in tables.ts; migrations are generated from all of them.
export default defineConfig({
  dialect: "postgresql",
  schema: ["./src/server/platform/**/tables.ts", "./src/server/modules/**/tables.ts"],
  // MIGRATIONS_OUT lets the test script generate into a copy to detect schema changes without a migration.
  out: process.env.MIGRATIONS_OUT ?? "./migrations",
});
