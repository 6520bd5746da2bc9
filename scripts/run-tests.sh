#!/usr/bin/env bash
# Runs the whole pytest suite. Browser tests run when a Chromium is found; otherwise the
# run says so loudly (CI installs Debian's chromium first, so there they always run).
set -euo pipefail
cd "$(dirname "$0")/.."
export KNUTEPUNKT_TESTING=1
export DJANGO_ALLOW_ASYNC_UNSAFE=1

chromium="${CHROMIUM_PATH:-}"
if [ -z "$chromium" ]; then
  for candidate in /usr/bin/chromium /usr/bin/chromium-browser /usr/bin/google-chrome; do
    if [ -x "$candidate" ]; then chromium="$candidate"; break; fi
  done
fi
if [ -n "$chromium" ]; then
  export CHROMIUM_PATH="$chromium"
  echo "Browser tests: using $chromium"
else
  echo "##################################################################"
  echo "## WARNING: no Chromium found: browser and accessibility tests   ##"
  echo "## are SKIPPED. Install it with: apt-get install -y chromium     ##"
  echo "##################################################################"
fi

db="${DATABASE_URL:-sqlite (var/)}"
echo "Database: ${db%%@*}"
set +e
.venv/bin/pytest -n 2 --dist loadgroup "$@"
status=$?
set -e
if [ -z "$chromium" ]; then
  echo "## WARNING: browser and accessibility tests were SKIPPED (no Chromium)."
fi
exit $status
