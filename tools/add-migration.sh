#!/usr/bin/env bash
# Adds a generated migration named NAME for all three providers (SQLite, PostgreSQL, SQL Server) from the current
# model, each into its own folder under Compliance.Domain/Persistence/Migrations. A developer step, never a test
# step: commit what it writes. Needs nothing but the SDK (dotnet-ef comes from .config/dotnet-tools.json) and never
# connects to a database. Then run the MigrationDrift tests (they fail while any provider lags behind the model).
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -eq 1 ] && [[ "$1" =~ ^[A-Z][A-Za-z0-9]*$ ]] || { echo "usage: tools/add-migration.sh NAME   (NAME in PascalCase, e.g. CampaignSenderLease)" >&2; exit 2; }
name=$1

dotnet tool restore >/dev/null
dotnet build Compliance.Domain -nologo -v quiet -clp:ErrorsOnly
for provider in Sqlite Postgres SqlServer; do
  echo "== $provider"
  dotnet ef migrations add "$name" --no-build \
    --project Compliance.Domain --startup-project Compliance.Domain \
    --context "${provider}MigrationContext" \
    --output-dir "Persistence/Migrations/$provider"
done
echo "Added $name for SQLite, PostgreSQL and SQL Server; review the three folders, then commit them."
