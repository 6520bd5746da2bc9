#!/usr/bin/env bash
# Restore a backup into a database and verify it against the original (if it still
# exists), table by table:
#
#   deploy/restore.sh /var/backups/knutepunkt/knutepunkt-20250101T023000Z.dump \
#       postgres://knutepunkt@127.0.0.1:5432/knutepunkt_restored [postgres://…original]
#
# The target database is created if missing and must be empty. To go live on it, point
# DATABASE_URL at it and restart the services; then unpack the storage archive into
# EXPORT_STORAGE_DIR (tar -C "$EXPORT_STORAGE_DIR" -xzf storage-<stamp>.tar.gz).
set -euo pipefail
cd "$(dirname "$0")/.."
dump="${1:?usage: restore.sh DUMP TARGET_URL [SOURCE_URL]}"
target="${2:?usage: restore.sh DUMP TARGET_URL [SOURCE_URL]}"
source_url="${3:-}"
ENV_FILE="${ENV_FILE:-/etc/knutepunkt/env}"
if [ -f "$ENV_FILE" ]; then set -a; . "$ENV_FILE"; set +a; else export DEBUG="${DEBUG:-1}"; fi

name="${target##*/}"; name="${name%%\?*}"
server="${target%/*}/postgres"
if ! psql "$server" -tAc "SELECT 1 FROM pg_database WHERE datname = '$name'" | grep -q 1; then
  psql "$server" -qc "CREATE DATABASE \"$name\""
fi
pg_restore --no-owner --no-privileges --exit-on-error --dbname="$target" "$dump"
if [ -n "$source_url" ]; then
  .venv/bin/python manage.py verify_restore --source "$source_url" --target "$target"
fi
echo "restore: $dump -> $name"
