#!/usr/bin/env bash
# Installs what the project needs on a fresh machine: the pinned pnpm, the workspace's
# dependencies from the lockfile, and (when WITH_BROWSER=1) Debian's chromium for browser tests.
# Idempotent: a second run only checks.
set -euo pipefail
cd "$(dirname "$0")/.."

log() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }

node_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if [ "$node_major" -lt 20 ]; then
  echo "Node.js 20 or newer is required (found: $(node --version 2>/dev/null || echo none)). Install it, then run this again." >&2
  exit 1
fi

pnpm_version=$(node -p 'require("./package.json").packageManager.split("@")[1]')
if [ "$(pnpm --version 2>/dev/null || true)" != "$pnpm_version" ]; then
  log "installing pnpm $pnpm_version"
  # corepack's "latest" lookup needs a host we cannot reach; npm reaches the registry.
  npm install --global --no-fund --no-audit "pnpm@$pnpm_version" >/dev/null
fi

log "installing dependencies from the lockfile"
pnpm install --frozen-lockfile --prefer-offline

if [ "${WITH_BROWSER:-0}" = "1" ] && ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ]; then
    log "installing Debian's chromium for the browser tests"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "The browser tests need Debian's chromium: run 'sudo apt-get install -y chromium', then this again." >&2
    exit 1
  fi
fi
log "ready"
