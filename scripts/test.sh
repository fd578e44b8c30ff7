#!/usr/bin/env bash
# npm test: static checks, the API tests on PGlite, again on PostgreSQL when TEST_DATABASE_URL
# is set, then the browser tests. Stops at the first failing stage.
set -euo pipefail
cd "$(dirname "$0")/.."
stage() { printf '\n=== %s ===\n' "$1"; }

# The four static checks are independent and mostly wait on one core each: run them at once, print
# each one's output in turn, and stop if any failed.
stage "typecheck, lint, API types, migrations (at once)"
logs=$(mktemp -d)
npx tsc --noEmit >"$logs/1-typecheck" 2>&1 & p1=$!
npx biome check . >"$logs/2-lint" 2>&1 & p2=$!
npm run --silent api:types -- --check >"$logs/3-api-types" 2>&1 & p3=$!
bash scripts/check-migrations.sh >"$logs/4-migrations" 2>&1 & p4=$!
failed=0
for p in $p1 $p2 $p3 $p4; do wait "$p" || failed=1; done
for f in "$logs"/*; do printf -- '--- %s\n' "$(basename "$f")"; cat "$f"; done
rm -rf "$logs"
[ "$failed" -eq 0 ] || { echo "a static check failed" >&2; exit 1; }
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
