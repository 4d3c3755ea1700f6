#!/usr/bin/env bash
# npm test: the whole suite. Works on a machine without a PostgreSQL server (database tests
# then run on the embedded PGlite only); with CI=true the real PostgreSQL is required too.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "▶ Types"
npx tsc --noEmit

echo "▶ Unit and database tests (Vitest)"
npx vitest run

echo "▶ Browser tests (Playwright, Chromium at ${CHROMIUM_PATH:-/usr/bin/chromium})"
if [ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
  echo "✖ Chromium est introuvable : installez-le (apt-get install -y chromium) ou indiquez CHROMIUM_PATH." >&2
  exit 1
fi
# Build first: the launcher only builds when no build exists, and a stale one would be tested.
npx next build
npx playwright test
