using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Compliance.Domain.Persistence;

/// <summary>
/// The idempotent script of a provider's migrations, for a DBA who applies them by hand: each migration runs only
/// when the history does not list it. Generating it never connects. EF cannot make a SQLite script idempotent (SQLite
/// has no IF); there the script is the full one, for an empty database, and says so.
/// </summary>
public static class MigrationScript
{
    public static DatabaseOptions Offline(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Sqlite => new(provider, "Data Source=offline.db"),
        DatabaseProvider.Postgres => new(provider, "Host=offline;Database=compliance"),
        _ => new(provider, "Server=offline;Database=compliance;Integrated Security=true;TrustServerCertificate=true"),
    };

    public static string Idempotent(DatabaseProvider provider)
    {
        using var db = MigrationContexts.Create(Offline(provider));
        var migrator = db.GetService<IMigrator>();
        if (provider == DatabaseProvider.Sqlite)
            return "-- SQLite scripts cannot be idempotent: this one builds an empty database. The application migrates SQLite itself (migrate).\n"
                   + LegacyNote(db) + migrator.GenerateScript();
        return LegacyNote(db) + migrator.GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);
    }

    // The start-up check (LegacyHistory) does this by itself; a DBA running the script on an old installation must do it first.
    private static string LegacyNote(ComplianceDbContext db)
    {
        var history = db.GetService<IHistoryRepository>();
        var note = new System.Text.StringBuilder("-- A database built by the hand-written migrations of before 2026-12-04 already has their schema: before running\n"
                                                 + "-- this script, record the generated migrations that stand for them as applied:\n");
        foreach (var step in LegacyHistory.Steps)
        {
            var insert = history.GetInsertScript(new HistoryRow(LegacyHistory.GeneratedId(db, step.Generated), ProductInfo.GetVersion()));
            note.Append($"--   when its history holds {step.HandWritten[^1]}: {insert.Trim().Replace("\n", " ")}\n");
        }
        return note.Append('\n').ToString();
    }
}
