using System.Data.Common;
using Compliance.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Compliance.Tests.Support;

/// <summary>Describes a database's tables, columns, indexes and foreign keys as sorted lines, to compare two schemas.</summary>
public static class SchemaReader
{
    public static async Task<List<string>> DescribeAsync(DatabaseOptions options)
    {
        await using var db = ComplianceDatabase.CreateContext(options);
        var conn = db.Database.GetDbConnection();
        await conn.OpenAsync();
        var lines = options.Provider == DatabaseProvider.Sqlite ? await Sqlite(conn) : await Postgres(conn);
        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    private static async Task<List<string>> Sqlite(DbConnection conn)
    {
        var lines = new List<string>();
        var tables = await Query(conn, "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__EFMigrations%'");
        foreach (var t in tables.Select(r => r[0]))
        {
            lines.AddRange((await Query(conn, $"SELECT name, type, \"notnull\", pk FROM pragma_table_info('{t}')"))
                .Select(r => $"column {t}.{r[0]} {r[1]} notnull={r[2]} pk={r[3]}"));
            foreach (var idx in await Query(conn, $"SELECT name, \"unique\" FROM pragma_index_list('{t}') WHERE origin = 'c'"))
            {
                var cols = (await Query(conn, $"SELECT name FROM pragma_index_info('{idx[0]}') ORDER BY seqno")).Select(r => r[0]);
                lines.Add($"index {t}.{idx[0]} unique={idx[1]} ({string.Join(",", cols)})");
            }
            lines.AddRange((await Query(conn, $"SELECT \"table\", \"from\", \"to\", on_delete FROM pragma_foreign_key_list('{t}')"))
                .Select(r => $"fk {t}.{r[1]} -> {r[0]}.{r[2]} on delete {r[3]}"));
        }
        return lines;
    }

    private static async Task<List<string>> Postgres(DbConnection conn)
    {
        var lines = new List<string>();
        lines.AddRange((await Query(conn, """
            SELECT table_name, column_name, data_type, coalesce(character_maximum_length::text, ''), is_nullable, is_identity
            FROM information_schema.columns WHERE table_schema = 'public' AND table_name NOT LIKE '%EFMigrations%'
              AND table_name NOT LIKE 'qrtz_%'
            """)).Select(r => $"column {r[0]}.{r[1]} {r[2]}({r[3]}) nullable={r[4]} identity={r[5]}"));
        lines.AddRange((await Query(conn, """
            SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename NOT LIKE '%EFMigrations%'
            """)).Select(r => $"index {r[0]}.{r[1]} {r[2]}"));
        lines.AddRange((await Query(conn, """
            SELECT tc.table_name, tc.constraint_name, tc.constraint_type, coalesce(rc.delete_rule, '')
            FROM information_schema.table_constraints tc
            LEFT JOIN information_schema.referential_constraints rc ON rc.constraint_name = tc.constraint_name
            WHERE tc.table_schema = 'public' AND tc.constraint_type IN ('PRIMARY KEY', 'FOREIGN KEY', 'UNIQUE')
              AND tc.table_name NOT LIKE '%EFMigrations%'
            """)).Select(r => $"constraint {r[0]}.{r[1]} {r[2]} {r[3]}"));
        return lines;
    }

    private static async Task<List<string[]>> Query(DbConnection conn, string sql)
    {
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        await using var reader = await cmd.ExecuteReaderAsync();
        var rows = new List<string[]>();
        while (await reader.ReadAsync())
        {
            var row = new string[reader.FieldCount];
            for (var i = 0; i < row.Length; i++) row[i] = reader.IsDBNull(i) ? "" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)!;
            rows.Add(row);
        }
        return rows;
    }
}
