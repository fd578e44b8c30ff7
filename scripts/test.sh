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
stage "browser tests";        npx playwright test
echo
echo "npm test: all stages passed"
