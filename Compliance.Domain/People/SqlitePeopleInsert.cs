using System.Data.Common;
using Compliance.Domain.Persistence;

namespace Compliance.Domain.People;

/// <summary>SQLite has no bulk protocol: one prepared INSERT reused for every row, in the caller's transaction.</summary>
internal sealed class SqlitePeopleInsert : IPeopleBulkWriter
{
    public static string Statement =>
        $"INSERT INTO affected_people ({string.Join(", ", AffectedPeopleWriter.Columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", AffectedPeopleWriter.Columns.Select((_, i) => $"$p{i}"))})";

    public async Task<int> WriteAsync(DbConnection connection, DbTransaction transaction, IEnumerable<AffectedPerson> people, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = Statement;
        var parameters = AffectedPeopleWriter.Columns.Select((_, i) =>
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
            var values = AffectedPeopleWriter.Values(p);
            for (var i = 0; i < values.Length; i++) parameters[i].Value = RawSqlValue.Of(values[i], sqlite: true);
            await command.ExecuteNonQueryAsync(ct);
            count++;
        }
        return count;
    }
}
