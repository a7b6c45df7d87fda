using System.Data.Common;
using Compliance.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Compliance.Domain.People;

/// <summary>
/// Writes imported people in bulk inside the caller's transaction: PostgreSQL's binary COPY, or one prepared
/// INSERT reused for every row on SQLite. A million rows through EF's change tracker took a minute; this is the
/// import's hot path. Values are written exactly as EF writes them (<see cref="RawSqlValue"/>).
/// </summary>
internal static class AffectedPeopleWriter
{
    private static readonly string[] Columns =
        ["Id", "OrganisationId", "IncidentId", "ImportId", "Line", "Jurisdiction", "Language", "EmailLookup", "ProtectedDetails", "DoNotEmail", "CreatedAt"];

    public static async Task<int> WriteAsync(ComplianceDbContext db, IEnumerable<AffectedPerson> people, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Bulk writes run inside the import's transaction.");
        return connection is NpgsqlConnection npgsql
            ? await CopyAsync(npgsql, people, ct)
            : await InsertAsync(connection, transaction, people, ct);
    }

    private static async Task<int> CopyAsync(NpgsqlConnection connection, IEnumerable<AffectedPerson> people, CancellationToken ct)
    {
        var count = 0;
        await using (var copy = await connection.BeginBinaryImportAsync(
            $"COPY affected_people ({string.Join(", ", Columns.Select(c => $"\"{c}\""))}) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var p in people)
            {
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(p.Id, NpgsqlDbType.Uuid, ct);
                await copy.WriteAsync(p.OrganisationId, NpgsqlDbType.Uuid, ct);
                await copy.WriteAsync(p.IncidentId, NpgsqlDbType.Uuid, ct);
                await copy.WriteAsync(p.ImportId, NpgsqlDbType.Uuid, ct);
                await copy.WriteAsync(p.Line, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(p.Jurisdiction, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(p.Language, NpgsqlDbType.Varchar, ct);
                if (p.EmailLookup is null) await copy.WriteNullAsync(ct); else await copy.WriteAsync(p.EmailLookup, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(p.ProtectedDetails, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(p.DoNotEmail, NpgsqlDbType.Boolean, ct);
                await copy.WriteAsync(p.CreatedAt.ToDateTimeUtc(), NpgsqlDbType.TimestampTz, ct);
                count++;
            }
            await copy.CompleteAsync(ct);
        }
        return count;
    }

    private static async Task<int> InsertAsync(DbConnection connection, DbTransaction transaction, IEnumerable<AffectedPerson> people, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO affected_people ({string.Join(", ", Columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", Columns.Select((_, i) => $"$p{i}"))})";
        var parameters = Columns.Select((_, i) =>
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = $"$p{i}";
            command.Parameters.Add(parameter);
            return parameter;
        }).ToArray();
        await command.PrepareAsync(ct);
        var count = 0;
        foreach (var p in people)
        {
            object?[] values = [p.Id, p.OrganisationId, p.IncidentId, p.ImportId, p.Line, p.Jurisdiction, p.Language, p.EmailLookup,
                p.ProtectedDetails, p.DoNotEmail, p.CreatedAt];
            for (var i = 0; i < values.Length; i++) parameters[i].Value = RawSqlValue.Of(values[i], sqlite: true);
            await command.ExecuteNonQueryAsync(ct);
            count++;
        }
        return count;
    }
}
