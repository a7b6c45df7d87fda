#!/usr/bin/env bash
# Runs the tracker on this machine with SQLite and demo data: no server needed.
# Usage: ./run.sh [port]   (default 5080; the database is ./data/compliance.db)
set -euo pipefail
cd "$(dirname "$0")"
port=${1:-5080}
command -v dotnet >/dev/null || { echo "The .NET 10 SDK is required (dotnet on PATH)." >&2; exit 1; }
app=Compliance.Web/bin/Debug/net10.0/Compliance.Web.dll
if [ -f "$app" ]; then echo "== Building (a few seconds)"; else echo "== Building (the first time restores packages and takes about a minute)"; fi
dotnet build Compliance.Web -nologo -v quiet -clp:ErrorsOnly >/dev/null
echo "== Preparing the database (data/compliance.db) and the demo organisation"
dotnet "$app" seed-demo
echo
echo "== Starting: open http://127.0.0.1:$port/ once it says 'Now listening' (health: http://127.0.0.1:$port/health). Ctrl+C stops it."
exec dotnet "$app" --urls "http://127.0.0.1:$port"
