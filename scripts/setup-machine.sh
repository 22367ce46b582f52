#!/usr/bin/env bash
# Installs what a fresh Debian machine lacks for kitchensync's tests and starts Postgres:
# pnpm (pinned), PostgreSQL 15 (the main cluster on 5432, a primary + synchronous standby pair on
# 5433/5434 for the database-loss tests, a cluster backed up by pgBackRest on 5435 for the restore
# drill, and a pair under pg_auto_failover on 5436-5438 for the failover test), Chromium. Safe to
# run twice.
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
command -v pgbackrest >/dev/null || { echo "setup: installing pgbackrest"; apt_install pgbackrest; }
command -v pg_autoctl >/dev/null || { echo "setup: installing pg_auto_failover"; apt_install postgresql-15-auto-failover pg-auto-failover-cli; }

# Postgres 15 cluster on 127.0.0.1:5432 with a test role that may create databases.
[ -d /etc/postgresql/15/main ] || $SUDO pg_createcluster 15 main >/dev/null
$SUDO pg_ctlcluster 15 main start 2>/dev/null || true
for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
# shellcheck source=run-as.sh
. "$(dirname "${BASH_SOURCE[0]}")/run-as.sh"
test_role() { # port
  as_postgres psql -q -h /var/run/postgresql -p "$1" -d postgres -v ON_ERROR_STOP=1 <<'SQL'
DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'kitchensync') THEN
    CREATE ROLE kitchensync LOGIN PASSWORD 'kitchensync' CREATEDB;
  END IF;
END $$;
GRANT pg_signal_backend TO kitchensync;
SQL
}
test_role 5432
# The primary + synchronous standby pair the failover tests use (ports 5433/5434).
bash "$(dirname "$0")/pg-pair.sh" ensure >/dev/null
# The restore drill's cluster (port 5435), archived continuously by pgBackRest (scripts/backup.sh).
if [ ! -d /etc/postgresql/15/ks_backup ]; then
  $SUDO pg_createcluster 15 ks_backup --port 5435 >/dev/null
  echo "listen_addresses = '127.0.0.1'" | $SUDO tee /etc/postgresql/15/ks_backup/conf.d/kitchensync-test.conf >/dev/null
fi
bash "$(dirname "$0")/backup.sh" setup ks_backup >/dev/null
test_role 5435
# The pair pg_auto_failover runs for the automatic failover test (monitor 5436, nodes 5437/5438).
bash "$(dirname "$0")/pg-ha.sh" ensure >/dev/null
echo "setup: ready (pnpm $(pnpm --version), $(psql --version | head -1), $(/usr/bin/chromium --version 2>/dev/null | head -1))"
