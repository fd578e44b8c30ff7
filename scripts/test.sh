#!/usr/bin/env bash
# npm test: static checks, the API tests on PGlite, again on PostgreSQL when TEST_DATABASE_URL
# is set, then the browser tests. Stops at the first failing stage.
set -euo pipefail
cd "$(dirname "$0")/.."
stage() { printf '\n=== %s ===\n' "$1"; }

stage "typecheck";            npx tsc --noEmit
stage "lint";                 npx biome check .
stage "API types";            npm run --silent api:types -- --check
stage "migrations";           bash scripts/check-migrations.sh
stage "API tests (PGlite)";   npx vitest run
if [ -n "${TEST_DATABASE_URL:-}" ]; then
  stage "API tests (PostgreSQL)"; TEST_DB_MODE=postgres npx vitest run
else
  echo "(TEST_DATABASE_URL not set: the PostgreSQL pass is left out)"
fi
stage "web build"
# `npm install` builds the pages (prepare); build again only if a source is newer than that build.
if [ -f dist/web/admin/index.html ] && [ -z "$(find src/web src/shared vite.config.ts scripts/precompress.ts \
  package-lock.json -newer dist/web/admin/index.html -print -quit)" ]; then
  echo "(dist/web is newer than every source of the pages)"
else
  npx vite build --logLevel warn
fi
stage "browser tests";        E2E_PREBUILT=1 npx playwright test
echo
echo "npm test: all stages passed"
