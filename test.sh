#!/usr/bin/env bash
# Installs what the tests need (when it is missing) and runs every test, against a throwaway
# PostgreSQL on loopback and SQLite files. Ends with a line "N passed, N failed, N skipped".
set -euo pipefail
cd "$(dirname "$0")"

log() { printf '\n== %s\n' "$*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else echo "need root to run: $*" >&2; exit 1; fi; }

# ---- 1. System packages: PostgreSQL, Chromium, poppler-utils, qpdf, wrk, a CJK .ttf font, an SMTP sink (postfix),
#         Node.js and npm (the OpenAPI validator).
missing=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
command -v chromium >/dev/null || missing+=(chromium)
command -v pdftotext >/dev/null || missing+=(poppler-utils)
command -v qpdf >/dev/null || missing+=(qpdf)
command -v wrk >/dev/null || missing+=(wrk)
[ -f /usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf ] || missing+=(fonts-droid-fallback)
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing+=(fonts-dejavu-core)
command -v smtp-sink >/dev/null || [ -x /usr/sbin/smtp-sink ] || missing+=(postfix)
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)
if [ ${#missing[@]} -gt 0 ]; then
  log "Installing: ${missing[*]}"
  echo "postfix postfix/main_mailer_type select No configuration" | as_root debconf-set-selections
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
command -v dotnet >/dev/null || { echo "The .NET 10 SDK is required (dotnet on PATH)." >&2; exit 1; }
# The third-party OpenAPI validator the tests run, at the versions in its package-lock.json.
[ -d tools/openapi-check/node_modules ] || { log "Installing the OpenAPI validator (npm ci)"; npm ci --prefix tools/openapi-check --no-audit --no-fund --loglevel=error >/dev/null; }

# ---- 2. A throwaway PostgreSQL cluster on loopback, stopped on any exit.
work=$(mktemp -d /tmp/compliance-test.XXXXXX); chmod 755 "$work"
pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
pgdata="$work/pg"; mkdir -p "$pgdata"
pg_as() { if [ "$(id -u)" = 0 ]; then runuser -u nobody -- "$@"; else "$@"; fi; }
[ "$(id -u)" = 0 ] && chown nobody "$pgdata"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null || echo 55432)
cleanup() {
  pg_as "$pgbin/pg_ctl" -D "$pgdata" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
log "Starting PostgreSQL $("$pgbin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port"
pg_as "$pgbin/initdb" -D "$pgdata" -U app --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
pg_as "$pgbin/pg_ctl" -D "$pgdata" -l "$pgdata/server.log" -w -o \
  "-c listen_addresses=127.0.0.1 -p $port -k $pgdata -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
  start >/dev/null
export COMPLIANCE_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=app;Database=postgres"

# ---- 3. Build and test.
log "Building"
dotnet build Compliance.sln -nologo -v quiet -clp:ErrorsOnly
log "Testing"
set +e
dotnet test Compliance.sln --no-build -nologo --logger "console;verbosity=normal" 2>&1 | tee "$work/test.log"
rc=${PIPESTATUS[0]}
set -e

log "Summary"
pg=$(grep -cE '^\s+Passed .*Postgres' "$work/test.log" || true)
lite=$(grep -cE '^\s+Passed .*Sqlite' "$work/test.log" || true)
echo "Tests that passed against PostgreSQL: $pg; against SQLite: $lite"
# dotnet test closes with "Passed!  - Failed: 0, Passed: N, ..." or, at normal verbosity, "     Passed: N" lines.
awk '/^(Passed|Failed)!/ { for (i=1;i<=NF;i++) { v=$(i+1); gsub(",","",v); if ($i=="Failed:") f+=v; if ($i=="Passed:") p+=v; if ($i=="Skipped:") s+=v }; next }
     /^ +Passed: +[0-9]+$/ { p+=$2 } /^ +Failed: +[0-9]+$/ { f+=$2 } /^ +Skipped: +[0-9]+$/ { s+=$2 }
     END { printf "%d passed, %d failed, %d skipped\n", p, f, s }' "$work/test.log"
exit "$rc"
