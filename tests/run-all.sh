#!/usr/bin/env bash
# npm test: the whole suite. Works on a machine without a PostgreSQL server (database tests
# then run on the embedded PGlite only); with CI=true the real PostgreSQL is required too.
# What the suite needs from the system (Chromium for the browser tests, poppler for the PDF
# checks) is installed first when this runs as root with apt, as .ci/run does; otherwise the
# exact command to run is printed, so README's two commands stay all the set-up.
set -euo pipefail
cd "$(dirname "$0")/.."

chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
missing=()
[ -x "$chromium" ] || missing+=(chromium)
{ command -v pdftoppm >/dev/null 2>&1 && command -v pdfsig >/dev/null 2>&1; } || missing+=(poppler-utils)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "▶ Installation de ce qui manque à la suite : apt-get install ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "✖ Il manque à cette machine : ${missing[*]}." >&2
    echo "  Installez-les avec : sudo apt-get install -y ${missing[*]}" >&2
    [ -n "${CHROMIUM_PATH:-}" ] && echo "  (ou corrigez CHROMIUM_PATH=${CHROMIUM_PATH}, qui ne désigne pas un exécutable)" >&2
    exit 1
  fi
  if [ ! -x "$chromium" ]; then
    echo "✖ Chromium installé mais introuvable en $chromium : indiquez son chemin dans CHROMIUM_PATH." >&2
    exit 1
  fi
fi

echo "▶ Types"
npx tsc --noEmit

echo "▶ Unit and database tests (Vitest)"
npx vitest run

echo "▶ Browser tests (Playwright, Chromium at $chromium)"
# Build first: the launcher only builds when no build exists, and a stale one would be tested.
npx next build
npx playwright test
