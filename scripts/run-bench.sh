#!/usr/bin/env bash
# Benchmarks against PostgreSQL (DATABASE_URL); prints BENCH <name> <value> <unit> lines.
# Uses wrk as the load generator when it is installed (installs it with apt-get when run as
# root and possible), otherwise a small Python loader. Bounded in time.
set -euo pipefail
cd "$(dirname "$0")/.."
export DATABASE_URL="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/knutepunkt}"

if ! command -v wrk >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "# installing wrk"
    apt-get install -y -qq wrk >/dev/null 2>&1 \
      || { apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq wrk >/dev/null 2>&1; } \
      || echo "# wrk could not be installed: using the Python load generator"
  else
    echo "# wrk not found: using the Python load generator"
  fi
fi

# Every benchmark runs even when an earlier one fails; the exit status reports any failure.
failed=0
run_bench() {
  timeout 900 .venv/bin/python "$@" || { echo "# $1 failed (exit $?)"; failed=1; }
}
# The public site, staff forms and nginx at 5,000 groups, then the same at 50,000 groups
# (names end in _50k) to show how the cost grows.
run_bench bench/find.py
BENCH_GROUPS=50000 BENCH_SUFFIX=_50k \
  BENCH_DATABASE_NAME="${BENCH_DATABASE_NAME:-knutepunkt_bench}_50k" run_bench bench/find.py
run_bench bench/importing.py
run_bench bench/activity_list.py
run_bench bench/report_national.py
run_bench bench/formation.py
exit $failed
