#!/usr/bin/env bash
# A primary + synchronous hot standby pair of Debian PostgreSQL 15 clusters for the failover
# tests, apart from the main cluster on 5432: ks_pair_a on 5433 and ks_pair_b on 5434. Either may
# be the primary (a failover test promotes the standby); `ensure` finds the primary and (re)builds
# the other as its streaming standby. Safe to run twice.
#   ensure            create/start the pair, repair a dead or diverged standby, print "PRIMARY_PORT STANDBY_PORT"
#   ports             print "PRIMARY_PORT STANDBY_PORT" of the running pair
#   kill PORT         stop that cluster at once (-m immediate: a crash, no shutdown checkpoint)
#   stop PORT | start PORT
#   promote PORT      promote that standby; it stops waiting for a synchronous standby it no longer has
set -euo pipefail

VERSION=15
CLUSTERS=(ks_pair_a ks_pair_b)
PORTS=(5433 5434)
SOCKETS=/var/run/postgresql

# shellcheck source=run-as.sh
. "$(dirname "${BASH_SOURCE[0]}")/run-as.sh"
sql() { PGOPTIONS="-c client_min_messages=warning" as_postgres psql -X -q -t -A -h "$SOCKETS" -p "$1" -d postgres -v ON_ERROR_STOP=1 -c "$2"; }
name_of() { for i in 0 1; do [ "${PORTS[$i]}" = "$1" ] && { echo "${CLUSTERS[$i]}"; return; }; done; echo "unknown port $1" >&2; exit 2; }
data_dir() { echo "/var/lib/postgresql/$VERSION/$1"; }
running() { pg_isready -q -h 127.0.0.1 -p "$1"; }
in_recovery() { sql "$1" 'SELECT pg_is_in_recovery()' 2>/dev/null; }
wait_ready() { for _ in $(seq 1 60); do running "$1" && return 0; sleep 0.5; done; echo "pg-pair: port $1 did not start" >&2; return 1; }

create() { # name port
  [ -d "/etc/postgresql/$VERSION/$1" ] && return 0
  as_root pg_createcluster "$VERSION" "$1" --port "$2" >/dev/null
}

# A standby retries its primary every wal_retrieve_retry_interval (5 s by default), and every
# synchronous commit waits for it: after the primary restarts, that wait is kept short.
configure() { # name
  as_root tee "/etc/postgresql/$VERSION/$1/conf.d/kitchensync-pair.conf" >/dev/null <<CONF
listen_addresses = '127.0.0.1'
hot_standby = on
wal_keep_size = '256MB'
synchronous_commit = on
wal_retrieve_retry_interval = '200ms'
CONF
}

start() { as_root pg_ctlcluster "$VERSION" "$(name_of "$1")" start &>/dev/null || true; wait_ready "$1"; }

# The standby: a fresh base backup of the primary (-R writes primary_conninfo and standby.signal).
rebuild_standby() { # standby_port primary_port
  local name; name=$(name_of "$1")
  as_root pg_ctlcluster "$VERSION" "$name" stop -m immediate &>/dev/null || true
  as_root rm -rf "$(data_dir "$name")"
  as_postgres pg_basebackup -h "$SOCKETS" -p "$2" -U postgres -D "$(data_dir "$name")" -R -X stream -c fast
  start "$1"
}

primary_port() {
  local best="" best_tli=-1
  for port in "${PORTS[@]}"; do
    running "$port" && [ "$(in_recovery "$port")" = "f" ] || continue
    # Two primaries (an old one restarted after a failover): the later timeline is the real one.
    local tli; tli=$(sql "$port" 'SELECT timeline_id FROM pg_control_checkpoint()')
    if [ "$tli" -gt "$best_tli" ]; then best=$port best_tli=$tli; fi
  done
  echo "$best"
}
other_port() { [ "$1" = "${PORTS[0]}" ] && echo "${PORTS[1]}" || echo "${PORTS[0]}"; }

ensure() {
  local fresh=""
  [ -d "/etc/postgresql/$VERSION/${CLUSTERS[0]}" ] || fresh=1
  create "${CLUSTERS[0]}" "${PORTS[0]}"
  create "${CLUSTERS[1]}" "${PORTS[1]}"
  configure "${CLUSTERS[0]}"
  configure "${CLUSTERS[1]}"
  for port in "${PORTS[@]}"; do running "$port" && sql "$port" 'SELECT pg_reload_conf()' >/dev/null; done
  start "${PORTS[0]}"
  [ -n "$fresh" ] || start "${PORTS[1]}"
  local primary; primary=$(primary_port)
  [ -n "$primary" ] || { echo "pg-pair: no primary" >&2; exit 1; }
  local standby; standby=$(other_port "$primary")
  local streaming; streaming=$(sql "$primary" "SELECT count(*) FROM pg_stat_replication WHERE state = 'streaming'")
  if ! running "$standby" || [ "$(in_recovery "$standby")" != "t" ] || [ "$streaming" = "0" ]; then
    rebuild_standby "$standby" "$primary"
  fi
  for _ in $(seq 1 60); do
    [ "$(sql "$primary" "SELECT count(*) FROM pg_stat_replication WHERE state = 'streaming'")" != "0" ] && break
    sleep 0.5
  done
  sql "$primary" "DO \$\$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'kitchensync') THEN
    CREATE ROLE kitchensync LOGIN PASSWORD 'kitchensync' CREATEDB; END IF; END \$\$; GRANT pg_signal_backend TO kitchensync;" >/dev/null
  # Commits wait for the standby's flush: what a client was told is saved survives the primary.
  sql "$primary" "ALTER SYSTEM SET synchronous_standby_names = '*'" >/dev/null
  sql "$primary" 'SELECT pg_reload_conf()' >/dev/null
  echo "$primary $standby"
}

case "${1:-ensure}" in
  ensure) ensure ;;
  ports) p=$(primary_port); echo "$p $(other_port "$p")" ;;
  kill) as_root pg_ctlcluster "$VERSION" "$(name_of "$2")" stop -m immediate ;;
  stop) as_root pg_ctlcluster "$VERSION" "$(name_of "$2")" stop -m fast ;;
  start) start "$2" ;;
  promote)
    as_root pg_ctlcluster "$VERSION" "$(name_of "$2")" promote
    for _ in $(seq 1 60); do [ "$(in_recovery "$2")" = "f" ] && break; sleep 0.1; done
    # Its standby is gone: waiting for one would hang every commit until the pair is rebuilt.
    sql "$2" "ALTER SYSTEM SET synchronous_standby_names = ''" >/dev/null
    sql "$2" 'SELECT pg_reload_conf()' >/dev/null
    ;;
  *) echo "usage: $0 ensure|ports|kill PORT|stop PORT|start PORT|promote PORT" >&2; exit 2 ;;
esac
