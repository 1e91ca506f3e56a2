# shellcheck shell=bash
# Sourced by .ci/run (and by anyone who wants the PostgreSQL variant of the server tests):
#
#   source .ci/postgres.sh
#
# Makes sure Debian's PostgreSQL is installed, a cluster is running on 127.0.0.1, and a role
# that may create databases exists; then exports VENTANILLA_TEST_DATABASE_URL, which the
# integration tests use to create (and drop) one database per test file.
# Idempotent: run it as often as you like. Uses only Debian's cluster tools (pg_lsclusters,
# pg_createcluster, pg_ctlcluster), never whatever initdb/pg_ctl happens to be on PATH.
# It is sourced, so it changes no shell options and never exits the caller's shell.

ventanilla_ci_postgres() {
  local role=ventanilla_ci
  local password="${VENTANILLA_CI_PG_PASSWORD:-ventanilla_ci}"
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then sudo=(sudo -n); fi

  if ! command -v pg_createcluster >/dev/null 2>&1; then
    echo "postgres.sh: instalando PostgreSQL de Debian…"
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get update -qq || return 1
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends postgresql >/dev/null || return 1
  fi

  # The newest installed major version, and its first cluster (Debian names it "main").
  local version
  version="$(ls /usr/lib/postgresql 2>/dev/null | sort -V | tail -n 1)"
  if [ -z "$version" ]; then
    echo "postgres.sh: no hay binarios de PostgreSQL en /usr/lib/postgresql" >&2
    return 1
  fi
  local cluster='' port='' status=''
  # `|| true`: read fails on empty input (no cluster yet), which would stop a `set -e` caller.
  read -r cluster port status < <(pg_lsclusters --no-header 2>/dev/null | awk -v v="$version" '$1 == v { print $2, $3, $4; exit }') || true
  if [ -z "$cluster" ]; then
    echo "postgres.sh: creando el clúster $version/main…"
    "${sudo[@]}" pg_createcluster "$version" main -- --auth-local=peer --auth-host=scram-sha-256 >/dev/null || return 1
    read -r cluster port status < <(pg_lsclusters --no-header | awk -v v="$version" '$1 == v { print $2, $3, $4; exit }') || true
    if [ -z "$cluster" ]; then
      echo "postgres.sh: pg_createcluster no dejó un clúster $version" >&2
      return 1
    fi
  fi
  if [ "$status" != "online" ]; then
    # Listen on 127.0.0.1 explicitly (Debian's default "localhost" may resolve to ::1 only in
    # some containers), and nowhere else: this cluster exists for tests. A drop-in file, so
    # postgresql.conf stays as Debian shipped it.
    local dropin="/etc/postgresql/$version/$cluster/conf.d/ventanilla-ci.conf"
    if [ ! -f "$dropin" ]; then
      echo "listen_addresses = '127.0.0.1'" | "${sudo[@]}" tee "$dropin" >/dev/null || return 1
    fi
    "${sudo[@]}" pg_ctlcluster "$version" "$cluster" start || return 1
  fi

  local tries=0
  until pg_isready -q -h 127.0.0.1 -p "$port"; do
    tries=$((tries + 1))
    if [ "$tries" -ge 30 ]; then
      echo "postgres.sh: PostgreSQL no responde en 127.0.0.1:$port" >&2
      return 1
    fi
    sleep 1
  done

  # CREATEDB because each test file creates and drops its own database; pg_signal_backend
  # because DROP DATABASE … WITH (FORCE) must also end an autovacuum worker busy in it.
  "${sudo[@]}" runuser -u postgres -- psql -q -p "$port" -v ON_ERROR_STOP=1 \
    -v role="$role" -v password="$password" <<'SQL' >/dev/null || return 1
select format('create role %I login createdb password %L', :'role', :'password')
  where not exists (select 1 from pg_roles where rolname = :'role') \gexec
select format('alter role %I login createdb password %L', :'role', :'password') \gexec
select format('grant pg_signal_backend to %I', :'role') \gexec
select format('create database %I owner %I', :'role', :'role')
  where not exists (select 1 from pg_database where datname = :'role') \gexec
SQL

  export VENTANILLA_TEST_DATABASE_URL="postgres://${role}:${password}@127.0.0.1:${port}/${role}"
  echo "postgres.sh: PostgreSQL $version listo en 127.0.0.1:$port (VENTANILLA_TEST_DATABASE_URL exportada)"
}

ventanilla_ci_postgres
ventanilla_ci_postgres_status=$?
unset -f ventanilla_ci_postgres
# `return` when sourced; a direct `bash .ci/postgres.sh` gets a meaningful exit status instead.
return "$ventanilla_ci_postgres_status" 2>/dev/null || exit "$ventanilla_ci_postgres_status"
