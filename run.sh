#!/usr/bin/env bash
# Runs the tracker on this machine with SQLite and demo data: no server needed.
# Usage: ./run.sh [port]   (default 5080; the database is ./data/compliance.db)
set -euo pipefail
cd "$(dirname "$0")"
port=${1:-5080}
command -v dotnet >/dev/null || { echo "The .NET 10 SDK is required (dotnet on PATH)." >&2; exit 1; }
dotnet build Compliance.Web -nologo -v quiet -clp:ErrorsOnly >/dev/null
app=Compliance.Web/bin/Debug/net10.0/Compliance.Web.dll
dotnet "$app" seed-demo
echo
echo "Open http://127.0.0.1:$port/ (health: http://127.0.0.1:$port/health). Ctrl+C stops it."
exec dotnet "$app" --urls "http://127.0.0.1:$port"
