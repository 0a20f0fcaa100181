#!/usr/bin/env bash
# The one test command (README: `npm test`): typecheck, unit and corpus tests, both builds,
# the Firefox linter, then the built extension end to end in Chromium and Firefox ESR.
set -euo pipefail
cd "$(dirname "$0")/.."
reports=$(mktemp -d)

step() { printf '\n== %s\n' "$*"; }

step "prepare"; npx wxt prepare >/dev/null
step "typecheck"; npx tsc --noEmit
step "unit and corpus tests"; npx vitest run --reporter=default --reporter=json --outputFile.json="$reports/unit.json"
step "build (chrome-mv3, firefox-mv3)"; npm run --silent build >/dev/null
step "web-ext lint"; npm run --silent lint:firefox
step "end-to-end (Chromium, Firefox ESR)"; npx vitest run -c vitest.e2e.config.ts --reporter=default --reporter=json --outputFile.json="$reports/e2e.json"

node --import tsx scripts/test-summary.ts "$reports/unit.json" "$reports/e2e.json"
