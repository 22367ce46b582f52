#!/usr/bin/env bash
# Continuous backup with point-in-time recovery for a Debian PostgreSQL 15 cluster, by pgBackRest
# (Debian's package): a full backup, then every WAL segment archived as it fills, or after at most
# ARCHIVE_TIMEOUT (60 s) on a quiet database: that bounds what a lost disk costs (the RPO). Run as
# root; the repository is pgBackRest's, /var/lib/pgbackrest (point repo1-* at S3 or another host
# in /etc/pgbackrest.conf for real use). The stanza is named after the cluster. Safe to run twice.
#   setup CLUSTER              archive WAL, create the stanza, take a full backup if there is none
#   backup CLUSTER [TYPE]      take a backup now: full, diff or incr (default incr)
#   restore CLUSTER TIME DB…   restore the whole cluster to TIME (e.g. '2026-12-07 06:30:00+00'),
#                              then start a new sync epoch in each kitchensync database DB
#   info CLUSTER               what the repository holds
# Restart the kitchensync servers after a restore: they read the epoch at start.
set -euo pipefail

VERSION=15
ARCHIVE_TIMEOUT=${ARCHIVE_TIMEOUT:-60}
SOCKETS=/var/run/postgresql

# shellcheck source=run-as.sh
. "$(dirname "${BASH_SOURCE[0]}")/run-as.sh"
pgbr() { as_postgres pgbackrest --stanza="$CLUSTER" --log-level-console=warn "$@"; }
port_of() { pg_lsclusters -h | awk -v v="$VERSION" -v c="$1" '$1 == v && $2 == c {print $3}'; }
sql() { as_postgres psql -X -q -t -A -h "$SOCKETS" -p "$PORT" -d "$1" -v ON_ERROR_STOP=1 -c "$2"; }
wait_writable() {
  for _ in $(seq 1 120); do [ "$(sql postgres 'SELECT pg_is_in_recovery()' 2>/dev/null)" = "f" ] && return 0; sleep 0.5; done
  echo "backup: $CLUSTER did not come back writable" >&2; return 1
}

setup() {
  as_root mkdir -p /etc/pgbackrest/conf.d
  as_root tee "/etc/pgbackrest/conf.d/$CLUSTER.conf" >/dev/null <<CONF
[$CLUSTER]
pg1-path=/var/lib/postgresql/$VERSION/$CLUSTER
pg1-port=$PORT
pg1-socket-path=$SOCKETS
repo1-retention-full=2
start-fast=y
CONF
  local conf="/etc/postgresql/$VERSION/$CLUSTER/conf.d/kitchensync-backup.conf"
  local wanted
  # track_commit_timestamp: a restore to TIME keeps exactly the transactions that committed by TIME,
  # and pg_xact_commit_timestamp(xmin) is how an operator (and the drill) lists what it will undo.
  wanted=$(printf "wal_level = replica\narchive_mode = on\narchive_command = 'pgbackrest --stanza=%s archive-push %%p'\narchive_timeout = %s\ntrack_commit_timestamp = on\n" "$CLUSTER" "$ARCHIVE_TIMEOUT")
  if [ "$(cat "$conf" 2>/dev/null)" != "$wanted" ]; then
    echo "$wanted" | as_root tee "$conf" >/dev/null
    as_root pg_ctlcluster "$VERSION" "$CLUSTER" stop &>/dev/null || true # both settings need a restart
  fi
  as_root pg_ctlcluster "$VERSION" "$CLUSTER" start &>/dev/null || true
  wait_writable
  pgbr stanza-create
  pgbr check
  as_postgres pgbackrest --stanza="$CLUSTER" info --output=json | grep -q '"backup":\[{' || pgbr --type=full backup
}

restore() { # time databases…
  local target=$1; shift
  # What was written up to now must be in the archive before the cluster stops.
  if pg_isready -q -h "$SOCKETS" -p "$PORT"; then sql postgres 'SELECT pg_switch_wal()' >/dev/null && pgbr check; fi
  as_root pg_ctlcluster "$VERSION" "$CLUSTER" stop -m fast 2>/dev/null || true
  pgbr --delta --type=time --target="$target" --target-action=promote restore
  # No server may read the restored cluster in its old epoch (a hub would take the ids the restore
  # undid for a gap and drop its queue): it first comes up on its local socket only.
  as_root pg_ctlcluster "$VERSION" "$CLUSTER" start -- -o "-c listen_addresses=''"
  wait_writable
  # Clients that saw what the restore undid get ClientStateNotFound (server/src/sync/restore-epochs.ts).
  for db in "$@"; do sql "$db" 'INSERT INTO sync_epochs (epoch) VALUES (gen_random_uuid()::text)' >/dev/null; done
  as_root pg_ctlcluster "$VERSION" "$CLUSTER" stop -m fast
  as_root pg_ctlcluster "$VERSION" "$CLUSTER" start
  wait_writable
}

CLUSTER=${2:?usage: $0 setup|backup|restore|info CLUSTER …}
PORT=$(port_of "$CLUSTER")
case "$1" in
  setup) setup ;;
  backup) pgbr --type="${3:-incr}" backup ;;
  restore) shift 2; restore "$@" ;;
  info) as_postgres pgbackrest --stanza="$CLUSTER" info ;;
  *) echo "usage: $0 setup|backup|restore|info CLUSTER …" >&2; exit 2 ;;
esac
