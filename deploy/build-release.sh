#!/usr/bin/env sh
# Builds a runnable Arbiter release into OUT (default ./release): compiled JavaScript, the
# built console, the migrations, and production dependencies only (no TypeScript, no tsx).
# The Dockerfile runs this; CI runs it as a plain script and starts the result.
set -eu
cd "$(dirname "$0")/.."
OUT="${1:-release}"
case "$OUT" in /*) ;; *) OUT="$(pwd)/$OUT" ;; esac

npm run build:console --silent
npm run build --silent -- --if-stale

rm -rf "$OUT"
mkdir -p "$OUT/console"
cp -R dist bin package.json package-lock.json LICENSE "$OUT/"
cp -R console/dist "$OUT/console/dist"
cp console/package.json "$OUT/console/package.json"
cp -R examples "$OUT/examples"
# Production dependencies of the server only: the console is served from its built files.
(cd "$OUT" && npm ci --omit=dev --workspaces=false --include-workspace-root --no-audit --no-fund --ignore-scripts --loglevel=error)
echo "release in $OUT"
