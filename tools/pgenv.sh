# tools/pgenv.sh: shared steps of test/run, demo/run and bench/run.
#
# Sourced, not run.  Installs the Debian packages a step needs, builds and
# installs the extension, and starts a throwaway PostgreSQL 15 cluster that
# is removed when the calling script exits, however it exits.  initdb
# refuses to run as root, so as root the cluster and the test suites run as
# the postgres user in a private copy of the tree.

set -euo pipefail

PERSONA_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

# PERSONA_PG_PREFIX=/some/dir installs persona into a private copy of the
# PostgreSQL 15 installation under that directory (made on first use) and
# runs the cluster from it, so two checkouts can build, test and benchmark
# at once without overwriting each other's persona.so.  PostgreSQL finds its
# share and lib directories relative to its binaries, so the copy works.
# (TAP tests run the copy's initdb when make is given bindir=$PG_BIN.)
PG_PREFIX=${PERSONA_PG_PREFIX:-}
PG_BIN=$PG_PREFIX/usr/lib/postgresql/15/bin

if [ "$(id -u)" = 0 ]; then
	AS_ROOT=()
	AS_PG=(runuser -u postgres --)
else
	AS_ROOT=(sudo)
	AS_PG=()
fi

say() { printf '\n== %s\n' "$*"; }

# ensure_packages PKG...: apt-get install whatever is not installed yet.
ensure_packages() {
	local missing=() p
	for p in "$@"; do
		dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
	done
	if [ ${#missing[@]} -gt 0 ]; then
		say "installing ${missing[*]}"
		"${AS_ROOT[@]}" apt-get update -qq
		DEBIAN_FRONTEND=noninteractive "${AS_ROOT[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
	fi
}

BASE_PACKAGES=(postgresql-15 postgresql-server-dev-15 postgresql-contrib make gcc libc6-dev)

# make_workdir: a private copy of the tree that the postgres user can write.
make_workdir() {
	WORK=$(mktemp -d /tmp/persona.XXXXXX)
	mkdir -p "$WORK/src"
	tar -C "$PERSONA_ROOT" --exclude=./.git --exclude=./results \
		--exclude=./tmp_check --exclude=./output_iso -cf - . | tar -C "$WORK/src" -xf -
	if [ "$(id -u)" = 0 ]; then chown -R postgres: "$WORK"; fi
	chmod 755 "$WORK"
	trap cleanup EXIT
}

# private_prefix: copy the Debian PostgreSQL 15 installation under
# $PG_PREFIX once, for PERSONA_PG_PREFIX.
private_prefix() {
	[ -n "$PG_PREFIX" ] || return 0
	[ -x "$PG_PREFIX/usr/lib/postgresql/15/bin/postgres" ] && return 0
	"${AS_ROOT[@]}" mkdir -p "$PG_PREFIX/usr/lib/postgresql" "$PG_PREFIX/usr/share/postgresql"
	"${AS_ROOT[@]}" cp -a /usr/lib/postgresql/15 "$PG_PREFIX/usr/lib/postgresql/"
	"${AS_ROOT[@]}" cp -a /usr/share/postgresql/15 "$PG_PREFIX/usr/share/postgresql/"
}

# build_install [MAKEVAR=VALUE...]: build in the copy, install as root.
build_install() {
	private_prefix
	(cd "$WORK/src" && "${AS_PG[@]}" make -s clean >/dev/null && "${AS_PG[@]}" make -s "$@")
	(cd "$WORK/src" && "${AS_ROOT[@]}" make -s install ${PG_PREFIX:+DESTDIR="$PG_PREFIX"} "$@" >/dev/null)
}

# start_cluster [postgres -c options...]: a fresh UTF-8 cluster on a private
# socket directory, no TCP, so it never meets another server.
start_cluster() {
	PGDATA_DIR="$WORK/data"
	"${AS_PG[@]}" "$PG_BIN/initdb" -D "$PGDATA_DIR" -E UTF8 --locale=C.UTF-8 -A trust >/dev/null
	local opts="-c listen_addresses='' -k $WORK -p 5432 -c fsync=off -c max_worker_processes=8 $*"
	"${AS_PG[@]}" "$PG_BIN/pg_ctl" -D "$PGDATA_DIR" -o "$opts" -l "$WORK/server.log" -w start >/dev/null
	export PGHOST="$WORK" PGPORT=5432 PGUSER=postgres PGDATABASE=postgres
}

cleanup() {
	local rc=$?
	if [ -n "${PGDATA_DIR:-}" ] && [ -f "$PGDATA_DIR/postmaster.pid" ]; then
		"${AS_PG[@]}" "$PG_BIN/pg_ctl" -D "$PGDATA_DIR" -m immediate stop >/dev/null 2>&1 || true
	fi
	if [ -n "${WORK:-}" ] && [ -d "$WORK" ]; then rm -rf "$WORK"; fi
	exit $rc
}

# pg: run a command as the cluster's owner with the cluster's environment.
pg() { "${AS_PG[@]}" env PGHOST="$PGHOST" PGPORT="$PGPORT" PGUSER="$PGUSER" PGDATABASE="$PGDATABASE" "$@"; }
