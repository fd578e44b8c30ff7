#!/usr/bin/env bash
# Fails when a tables.ts changed without a generated migration (drizzle-kit would write a new one).
set -euo pipefail
cd "$(dirname "$0")/.."
# drizzle-kit takes the output folder relative to the project.
tmp=.tmp/migrations-check
rm -rf "$tmp"; mkdir -p "$tmp"
trap 'rm -rf "$tmp"' EXIT
cp -r migrations "$tmp/migrations"
MIGRATIONS_OUT="$tmp/migrations" npx drizzle-kit generate --name pending >/dev/null
if [ "$(ls "$tmp/migrations" | wc -l)" != "$(ls migrations | wc -l)" ] || ! diff -rq migrations "$tmp/migrations" >/dev/null; then
  echo "Migrations are pending: a tables.ts changed. Run: npm run db:generate -- --name <what-changed>" >&2
  exit 1
fi
echo "migrations: up to date"
