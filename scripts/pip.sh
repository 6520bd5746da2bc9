#!/usr/bin/env bash
# Runs the virtualenv's pip ($1) against the project's own requirements and PyPI only.
#
# A machine's pip configuration (pip.conf files, PIP_FIND_LINKS, PIP_INDEX_URL,
# PIP_EXTRA_INDEX_URL) may name local package indexes or wheel directories that do not
# exist on this machine; pip then prints a warning for every package it installs. So
# those are left out. What still applies: PIP_CERT, proxies (HTTPS_PROXY …), and a
# constraint file (PIP_CONSTRAINT, or the one the machine's pip configuration names),
# when the file exists.
#
# Behind a company mirror that pip.conf points to, keep the machine's configuration:
#   make run KNUTEPUNKT_PIP_MACHINE_CONFIG=1
set -euo pipefail
pip="$1"
shift
if [ "${KNUTEPUNKT_PIP_MACHINE_CONFIG:-0}" = "1" ]; then
  exec "$pip" "$@"
fi
constraint="${PIP_CONSTRAINT:-}"
if [ -z "$constraint" ]; then
  constraint="$("$pip" config get global.constraint 2>/dev/null || true)"
fi
unset PIP_FIND_LINKS PIP_INDEX_URL PIP_EXTRA_INDEX_URL PIP_NO_INDEX PIP_CONSTRAINT
export PIP_CONFIG_FILE=/dev/null
if [ -n "$constraint" ] && [ -f "$constraint" ]; then
  export PIP_CONSTRAINT="$constraint"
fi
exec "$pip" "$@"
