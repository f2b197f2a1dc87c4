#!/usr/bin/env bash
# Runs every test in the workspace: pure packages, Convex functions (convex-test), the offline
# backend and the Discord emulator with the real clients, the bots, and the web app in Chromium.
# One package at a time: the integration suites start real servers and a browser, and a 2-core
# machine runs them more reliably in sequence. Extra arguments go to turbo (e.g. --filter).
set -euo pipefail
cd "$(dirname "$0")/.."
export TURBO_TELEMETRY_DISABLED=1 DO_NOT_TRACK=1
WITH_BROWSER=1 bash scripts/setup.sh
log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
pnpm exec turbo run test //#test:convex --concurrency=1 --continue "$@" 2>&1 | tee "$log" || status=$?
node scripts/test-summary.mjs < "$log"
exit "$status"
