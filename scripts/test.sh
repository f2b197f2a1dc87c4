#!/usr/bin/env bash
# Runs every test in the workspace: pure packages, Convex functions (convex-test), the offline
# backend and the Discord emulator with the real clients, the bots, and the web app in Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
export TURBO_TELEMETRY_DISABLED=1 DO_NOT_TRACK=1
WITH_BROWSER=1 bash scripts/setup.sh
pnpm test -- --concurrency=1 "$@"
