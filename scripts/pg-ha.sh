#!/usr/bin/env bash
# A primary + synchronous standby run by pg_auto_failover (Debian's postgresql-15-auto-failover),
# for the automatic failover test: a monitor on 5436 and two nodes on 5437 and 5438, each under
# its own `pg_autoctl run` keeper, on 127.0.0.1. When the primary's machine dies the monitor
# promotes the standby by itself; a dead node whose keeper starts again rejoins as the standby.
# The monitor here declares a node dead after ~2 s (production keeps pg_auto_failover's 20 s).
# Safe to run twice.
#   ensure       create/start the monitor and nodes, wait for a primary and a standby in sync, print their ports
#   ports        print "PRIMARY_PORT STANDBY_PORT" as the monitor sees them
#   kill PORT    the node's machine dies: its keeper and Postgres killed with -9, nothing restarts them
#   start PORT   start that node's keeper again (it rejoins as the standby)
set -euo pipefail

VERSION=15
BASE=/var/lib/postgresql/$VERSION
MONITOR_PORT=5436
declare -A NODE_PORTS=([ks_ha_a]=5437 [ks_ha_b]=5438)
MONITOR_URI="postgres://autoctl_node@127.0.0.1:$MONITOR_PORT/pg_auto_failover?sslmode=disable"

# shellcheck source=run-as.sh
. "$(dirname "${BASH_SOURCE[0]}")/run-as.sh"
# pg_autoctl finds the server's binaries on PATH.
ha_postgres() { as_postgres env "PATH=/usr/lib/postgresql/$VERSION/bin:$PATH" "$@"; }
sql() { ha_postgres psql -X -q -t -A -h /var/run/postgresql -p "$1" -d "$2" -v ON_ERROR_STOP=1 -c "$3"; }
name_of() { for n in "${!NODE_PORTS[@]}"; do [ "${NODE_PORTS[$n]}" = "$1" ] && { echo "$n"; return; }; done; echo "unknown port $1" >&2; exit 2; }
keeper_pid() { ha_postgres cat "/tmp/pg_autoctl$BASE/$1/pg_autoctl.pid" 2>/dev/null | head -1; }
keeper_alive() { local pid; pid=$(keeper_pid "$1"); [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; }
run_keeper() { # name
  keeper_alive "$1" && return 0
  ha_postgres setsid pg_autoctl run --pgdata "$BASE/$1" </dev/null >>"/var/log/postgresql/$1.log" 2>&1 &
}
wait_ready() { for _ in $(seq 1 120); do pg_isready -q -h 127.0.0.1 -p "$1" && return 0; sleep 0.5; done; echo "pg-ha: port $1 did not start" >&2; return 1; }

# Node states as the monitor reports them: "PORT STATE" lines.
states() { sql "$MONITOR_PORT" pg_auto_failover "SELECT nodeport || ' ' || reportedstate || ' ' || goalstate FROM pgautofailover.node"; }
ports() {
  local primary="" standby=""
  while read -r port reported goal; do
    # wait_primary: a primary writing without its standby (dead, or catching up).
    [[ "$reported" =~ ^(primary|wait_primary)$ ]] && [ "$goal" = "$reported" ] && primary=$port
    [ "$reported" = secondary ] && [ "$goal" = secondary ] && standby=$port
  done < <(states)
  echo "$primary $standby"
}

ensure() {
  if [ ! -d "$BASE/ks_ha_monitor" ]; then
    ha_postgres pg_autoctl create monitor --pgdata "$BASE/ks_ha_monitor" --pgport "$MONITOR_PORT" --hostname 127.0.0.1 --listen 127.0.0.1 --auth trust --no-ssl >/dev/null 2>&1
  fi
  run_keeper ks_ha_monitor
  wait_ready "$MONITOR_PORT"
  for setting in health_check_period=1000 health_check_timeout=1000 health_check_max_retries=1 health_check_retry_delay=500 node_considered_unhealthy_timeout=2000 startup_grace_period=2000 primary_demote_timeout=3000; do
    sql "$MONITOR_PORT" postgres "ALTER SYSTEM SET pgautofailover.${setting%%=*} = ${setting#*=}" >/dev/null
  done
  sql "$MONITOR_PORT" postgres 'SELECT pg_reload_conf()' >/dev/null
  for name in ks_ha_a ks_ha_b; do
    if [ ! -d "$BASE/$name" ]; then
      ha_postgres pg_autoctl create postgres --pgdata "$BASE/$name" --pgport "${NODE_PORTS[$name]}" --hostname 127.0.0.1 --listen 127.0.0.1 \
        --name "$name" --auth trust --no-ssl --monitor "$MONITOR_URI" >>"/var/log/postgresql/$name.log" 2>&1
    fi
    run_keeper "$name"
    wait_ready "${NODE_PORTS[$name]}" # the second node is cloned from the first
  done
  local found=""
  for _ in $(seq 1 240); do
    found=$(ports)
    [[ "$found" =~ ^[0-9]+\ [0-9]+$ ]] && break
    sleep 0.5
  done
  [[ "$found" =~ ^[0-9]+\ [0-9]+$ ]] || { echo "pg-ha: no primary and standby: $(states | tr '\n' ';')" >&2; exit 1; }
  sql "${found%% *}" postgres "DO \$\$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'kitchensync') THEN
    CREATE ROLE kitchensync LOGIN PASSWORD 'kitchensync' CREATEDB; END IF; END \$\$; GRANT pg_signal_backend TO kitchensync;" >/dev/null
  echo "$found"
}

case "${1:-ensure}" in
  ensure) ensure ;;
  ports) ports ;;
  kill)
    name=$(name_of "$2")
    pid=$(keeper_pid "$name")
    # The keeper leads its own process group (setsid), with its Postgres: all of it dies at once.
    [ -n "$pid" ] && kill -9 -- "-$pid" 2>/dev/null || true
    ;;
  start) run_keeper "$(name_of "$2")" ;;
  *) echo "usage: $0 ensure|ports|kill PORT|start PORT" >&2; exit 2 ;;
esac
