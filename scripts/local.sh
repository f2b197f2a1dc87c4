#!/usr/bin/env bash
# Installs what is missing, then starts the whole system locally with no account and no network:
# offline Convex, the Discord emulator with a demo world, the collector and mirror bots, the web
# app and a demo signal feed. A bot that dies is restarted; Ctrl-C stops everything.
# Flags: see `bash scripts/local.sh --help` (--status and --help skip the install check).
set -euo pipefail
cd "$(dirname "$0")/.."
export TURBO_TELEMETRY_DISABLED=1 DO_NOT_TRACK=1
case " $* " in
  *" --status "* | *" --help "*) ;;
  *) bash scripts/setup.sh ;;
esac
exec node_modules/.bin/tsx packages/dev-stack/src/cli.ts "$@"
