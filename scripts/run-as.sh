# Sourced by the machine scripts: runs a command as postgres, or as root, from a root shell or a
# sudoer's. As postgres from `/`: postgres may not enter the directory the script was started in
# (a CI checkout under /tmp), and psql and pg_ctl say so on every call.
as_postgres() { if [ "$(id -u)" -eq 0 ]; then (cd / && runuser -u postgres -- "$@"); else (cd / && sudo -u postgres "$@"); fi; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
