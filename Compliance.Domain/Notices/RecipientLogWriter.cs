using System.Data.Common;
using Compliance.Domain.Persistence;
using Compliance.Domain.Vocabulary;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Npgsql;

namespace Compliance.Domain.Notices;

/// <summary>
/// The send log's writes while a chunk of a campaign is sent: hand-offs, acceptances and results, on one open
/// connection with prepared statements, each call one transaction. The hand-off commit sits between a message's
/// content and its release, so it must cost as little as a commit can; going through EF for each one tripled it.
/// Values are written exactly as EF writes them (<see cref="RawSqlValue"/>); the statements are <see cref="RecipientLogStatements"/>.
/// </summary>
public sealed class RecipientLogWriter : IAsyncDisposable
{
    public sealed record Released(Guid PersonId, string MessageId, string? Template);

    public sealed record Accepted(Guid PersonId, string Reply);

    public sealed record Result(Guid PersonId, RecipientState State, bool Confirmed, Instant? HandedAt, Instant? SentAt, string? Reply,
        int Attempts, Instant? NextAttemptAt, string? MessageId, string? Template);

    private readonly ComplianceDbContext db;
    private readonly DbConnection connection;
    private readonly DatabaseProvider provider;
    private readonly Guid campaignId;
    private readonly DbCommand released, withdrawn, accepted, result;

    private RecipientLogWriter(ComplianceDbContext db, Guid campaignId)
    {
        this.db = db;
        this.campaignId = campaignId;
        connection = db.Database.GetDbConnection();
        provider = RawSqlValue.ProviderOf(db.Database);
        released = Command(RecipientLogStatements.Released);
        withdrawn = Command(RecipientLogStatements.Withdrawn);
        accepted = Command(RecipientLogStatements.Accepted);
        result = Command(RecipientLogStatements.Result);
    }

    /// <summary>Takes <paramref name="db"/> over (a context of its own): disposing the writer disposes it.</summary>
    public static async Task<RecipientLogWriter> OpenAsync(ComplianceDbContext db, Guid campaignId, CancellationToken ct = default)
    {
        await db.Database.OpenConnectionAsync(ct);
        return new RecipientLogWriter(db, campaignId);
    }

    /// <summary>
    /// Messages about to be released (and the acceptances that arrived meanwhile, and the earlier hand-offs withdrawn
    /// because their messages were never released), committed together; withdrawals apply after the hand-offs.
    /// </summary>
    public Task CommitHandOffAsync(Instant at, IReadOnlyList<Released> releases, IReadOnlyList<Accepted> acceptances,
        IReadOnlyList<Guid>? withdrawals = null) =>
        ExecuteAsync([
            .. releases.Select(r => (released, r.PersonId, new object?[] { at, r.MessageId, r.Template })),
            .. (withdrawals ?? []).Select(p => (withdrawn, p, Array.Empty<object?>())),
            .. acceptances.Select(a => (accepted, a.PersonId, new object?[] { true, at, a.Reply })),
        ]);

    /// <summary>Final states of the chunk's messages whose outcome no hand-off commit recorded.</summary>
    public Task CommitResultsAsync(IReadOnlyList<Result> results) =>
        ExecuteAsync([.. results.Select(r => (result, r.PersonId, new object?[]
        {
            KebabCase<RecipientState>.ToId(r.State), r.Confirmed, r.HandedAt, r.SentAt, r.Reply, r.Attempts, r.NextAttemptAt, r.MessageId, r.Template,
        }))]);

    // All or nothing: one Npgsql batch (one round trip, one implicit transaction), or one transaction of the prepared
    // statements on SQLite and SQL Server.
    private async Task ExecuteAsync(IReadOnlyList<(DbCommand Statement, Guid PersonId, object?[] Values)> updates)
    {
        if (updates.Count == 0) return;
        if (connection is NpgsqlConnection npgsql)
        {
            await using var batch = new NpgsqlBatch(npgsql);
            foreach (var (statement, person, values) in updates)
            {
                var command = new NpgsqlBatchCommand(statement.CommandText);
                object?[] all = [campaignId, person, .. values];
                for (var i = 0; i < all.Length; i++) command.Parameters.Add(new NpgsqlParameter(statement.Parameters[i].ParameterName, RawSqlValue.Of(all[i], sqlite: false)));
                batch.BatchCommands.Add(command);
            }
            await batch.ExecuteNonQueryAsync();
            return;
        }
        await using var transaction = await connection.BeginTransactionAsync();
        foreach (var (statement, person, values) in updates)
        {
            statement.Transaction = transaction;
            object?[] all = [campaignId, person, .. values];
            for (var i = 0; i < all.Length; i++) RawSqlValue.Bind(statement.Parameters[i], all[i], provider);
            await statement.ExecuteNonQueryAsync();
        }
        await transaction.CommitAsync();
    }

    private DbCommand Command((string Sql, string[] Parameters) statement)
    {
        var command = connection.CreateCommand();
        command.CommandText = statement.Sql;
        foreach (var name in statement.Parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@" + name;
            command.Parameters.Add(parameter);
        }
        return command;
    }

    public async ValueTask DisposeAsync()
    {
        await released.DisposeAsync();
        await withdrawn.DisposeAsync();
        await accepted.DisposeAsync();
        await result.DisposeAsync();
        await db.Database.CloseConnectionAsync();
        await db.DisposeAsync();
    }
}
