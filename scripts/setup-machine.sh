#!/usr/bin/env bash
# Installs what a fresh Debian machine lacks for kitchensync's tests and starts Postgres:
# pnpm (pinned), PostgreSQL 15 (the main cluster on 5432, and a primary + synchronous standby
# pair on 5433/5434 for the failover tests), Chromium. Safe to run twice.
set -euo pipefail

PNPM_VERSION=$(node -p "require('./package.json').packageManager.split('@')[1]")
SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"

if [ "$(pnpm --version 2>/dev/null || true)" != "$PNPM_VERSION" ]; then
  echo "setup: installing pnpm $PNPM_VERSION"
  $SUDO npm install -g "pnpm@$PNPM_VERSION" >/dev/null
fi

apt_updated=""
apt_install() {
  [ -n "$apt_updated" ] || { $SUDO apt-get update -qq; apt_updated=1; }
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "$@" >/dev/null
}
command -v pg_ctlcluster >/dev/null && [ -d /usr/lib/postgresql/15 ] || { echo "setup: installing postgresql-15"; apt_install postgresql-15; }
[ -x /usr/bin/chromium ] || { echo "setup: installing chromium"; apt_install chromium; }

# Postgres 15 cluster on 127.0.0.1:5432 with a test role that may create databases.
[ -d /etc/postgresql/15/main ] || $SUDO pg_createcluster 15 main >/dev/null
$SUDO pg_ctlcluster 15 main start 2>/dev/null || true
for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi; }
as_postgres psql -q -d postgres -v ON_ERROR_STOP=1 <<'SQL'
DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'kitchensync') THEN
    CREATE ROLE kitchensync LOGIN PASSWORD 'kitchensync' CREATEDB;
  END IF;
END $$;
GRANT pg_signal_backend TO kitchensync;
SQL
# The primary + synchronous standby pair the failover tests use (ports 5433/5434).
bash "$(dirname "$0")/pg-pair.sh" ensure >/dev/null
echo "setup: ready (pnpm $(pnpm --version), $(psql --version | head -1), $(/usr/bin/chromium --version 2>/dev/null | head -1))"
