#!/usr/bin/env bash
# Nightly backup: the database (pg_dump, custom format) and the shared storage (exports).
# Run as the knutepunkt user from a systemd timer or cron on ONE machine (or the replica):
#
#   30 2 * * * cd /srv/knutepunkt && deploy/backup.sh
#
# BACKUP_DIR (default /var/backups/knutepunkt) should be another disk, copied off-site.
# Backups hold personal data (health data among it): encrypt the off-site copy and keep
# them no longer than BACKUP_KEEP_DAYS (default 14), so erased data does not live on.
set -euo pipefail
cd "$(dirname "$0")/.."
ENV_FILE="${ENV_FILE:-/etc/knutepunkt/env}"
if [ -f "$ENV_FILE" ]; then set -a; . "$ENV_FILE"; set +a; fi
: "${DATABASE_URL:?DATABASE_URL must be set}"
BACKUP_DIR="${BACKUP_DIR:-/var/backups/knutepunkt}"
KEEP_DAYS="${BACKUP_KEEP_DAYS:-14}"
STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
umask 077
mkdir -p "$BACKUP_DIR"

dump="$BACKUP_DIR/knutepunkt-$STAMP.dump"
pg_dump --format=custom --no-owner --no-privileges --file="$dump.partial" "$DATABASE_URL"
mv "$dump.partial" "$dump"
# A dump that cannot be listed is no backup.
pg_restore --list "$dump" >/dev/null

if [ -n "${EXPORT_STORAGE_DIR:-}" ] && [ -d "$EXPORT_STORAGE_DIR" ]; then
  tar -C "$EXPORT_STORAGE_DIR" -czf "$BACKUP_DIR/storage-$STAMP.tar.gz" .
fi

find "$BACKUP_DIR" -name 'knutepunkt-*.dump' -mtime +"$KEEP_DAYS" -delete
find "$BACKUP_DIR" -name 'storage-*.tar.gz' -mtime +"$KEEP_DAYS" -delete
echo "backup: $dump"
