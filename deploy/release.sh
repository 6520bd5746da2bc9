#!/usr/bin/env bash
# One release on a node, run as the knutepunkt user from the checkout after `git pull`
# (or unpacking a new version): dependencies, migrations, static files, translations,
# the deploy checks; then reload the web server (workers restart one by one).
#
#   sudo -u knutepunkt deploy/release.sh            # with /etc/knutepunkt/env
#   ENV_FILE=/path/to/env deploy/release.sh
#
# Migrations run once per release, from one node (the others: SKIP_MIGRATE=1).
set -euo pipefail
cd "$(dirname "$0")/.."
ENV_FILE="${ENV_FILE:-/etc/knutepunkt/env}"
if [ -f "$ENV_FILE" ]; then
  set -a; . "$ENV_FILE"; set +a
fi
PY=.venv/bin/python

test -x "$PY" || python3 -m venv .venv
scripts/pip.sh .venv/bin/pip install --quiet --require-hashes -r requirements/base.txt

if [ "${SKIP_MIGRATE:-0}" != "1" ]; then
  "$PY" manage.py migrate --no-input
fi
# Without the manifest of hashed static files every page fails with DEBUG off.
"$PY" manage.py collectstatic --no-input --verbosity 0
"$PY" manage.py compile_translations
"$PY" manage.py check --deploy --fail-level WARNING

if [ "${SKIP_RELOAD:-0}" != "1" ] && command -v systemctl >/dev/null 2>&1; then
  sudo systemctl reload knutepunkt-web || true
  sudo systemctl restart knutepunkt-worker knutepunkt-scheduler || true
fi
echo "release: done"
