using System.Data.Common;
using Npgsql;
using NpgsqlTypes;

namespace Compliance.Domain.People;

/// <summary>PostgreSQL's binary COPY: the rows stream in one command, with no SQL per row.</summary>
internal sealed class PostgresPeopleCopy : IPeopleBulkWriter
{
    public static string Statement =>
        $"COPY affected_people ({string.Join(", ", AffectedPeopleWriter.Columns.Select(c => $"\"{c}\""))}) FROM STDIN (FORMAT BINARY)";

    public async Task<int> WriteAsync(DbConnection connection, DbTransaction transaction, IEnumerable<AffectedPerson> people, CancellationToken ct)
    {
        var count = 0;
        await using (var copy = await ((NpgsqlConnection)connection).BeginBinaryImportAsync(Statement, ct))
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
}
