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
/// Values are written exactly as EF writes them (<see cref="RawSqlValue"/>).
/// </summary>
public sealed class RecipientLogWriter : IAsyncDisposable
{
    public sealed record Released(Guid PersonId, string MessageId, string? Template);

    public sealed record Accepted(Guid PersonId, string Reply);

    public sealed record Result(Guid PersonId, RecipientState State, bool Confirmed, Instant? HandedAt, Instant? SentAt, string? Reply,
        int Attempts, Instant? NextAttemptAt, string? MessageId, string? Template);

    private readonly ComplianceDbContext db;
    private readonly DbConnection connection;
    private readonly bool sqlite;
    private readonly Guid campaignId;
    private readonly DbCommand released, accepted, result;

    private RecipientLogWriter(ComplianceDbContext db, Guid campaignId)
    {
        this.db = db;
        this.campaignId = campaignId;
        connection = db.Database.GetDbConnection();
        sqlite = db.Database.IsSqlite();
        const string where = """ WHERE "CampaignId" = @c AND "PersonId" = @p""";
        released = Command("""UPDATE campaign_recipients SET "HandedAt" = @at, "MessageId" = @mid, "Template" = @template""" + where, "c", "p", "at", "mid", "template");
        accepted = Command($"""UPDATE campaign_recipients SET "State" = 'sent', "Confirmed" = {RawSqlValue.Literal(true, sqlite)}, "SentAt" = @at, "ServerReply" = @reply""" + where,
            "c", "p", "at", "reply");
        result = Command("""
            UPDATE campaign_recipients SET "State" = @state, "Confirmed" = @confirmed, "HandedAt" = @handed, "SentAt" = @sent,
              "ServerReply" = @reply, "Attempts" = @attempts, "NextAttemptAt" = @next, "MessageId" = @mid, "Template" = @template
            """ + where, "c", "p", "state", "confirmed", "handed", "sent", "reply", "attempts", "next", "mid", "template");
    }

    /// <summary>Takes <paramref name="db"/> over (a context of its own): disposing the writer disposes it.</summary>
    public static async Task<RecipientLogWriter> OpenAsync(ComplianceDbContext db, Guid campaignId, CancellationToken ct = default)
    {
        await db.Database.OpenConnectionAsync(ct);
        return new RecipientLogWriter(db, campaignId);
    }

    /// <summary>Released messages (and the acceptances that arrived meanwhile), committed together.</summary>
    public Task CommitHandOffAsync(Instant at, IReadOnlyList<Released> releases, IReadOnlyList<Accepted> acceptances) =>
        ExecuteAsync([
            .. releases.Select(r => (released, r.PersonId, new object?[] { at, r.MessageId, r.Template })),
            .. acceptances.Select(a => (accepted, a.PersonId, new object?[] { at, a.Reply })),
        ]);

    /// <summary>Final states of the chunk's messages whose outcome no hand-off commit recorded.</summary>
    public Task CommitResultsAsync(IReadOnlyList<Result> results) =>
        ExecuteAsync([.. results.Select(r => (result, r.PersonId, new object?[]
        {
            KebabCase<RecipientState>.ToId(r.State), r.Confirmed, r.HandedAt, r.SentAt, r.Reply, r.Attempts, r.NextAttemptAt, r.MessageId, r.Template,
        }))]);

    // All or nothing: one Npgsql batch (one round trip, one implicit transaction), or one SQLite transaction of prepared statements.
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
                for (var i = 0; i < all.Length; i++) command.Parameters.Add(new NpgsqlParameter(statement.Parameters[i].ParameterName, Value(all[i])));
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
            for (var i = 0; i < all.Length; i++) statement.Parameters[i].Value = Value(all[i]);
            await statement.ExecuteNonQueryAsync();
        }
        await transaction.CommitAsync();
    }

    private DbCommand Command(string sql, params string[] names)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in names)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@" + name;
            command.Parameters.Add(parameter);
        }
        return command;
    }

    private object Value(object? value) => RawSqlValue.Of(value, sqlite);

    public async ValueTask DisposeAsync()
    {
        await released.DisposeAsync();
        await accepted.DisposeAsync();
        await result.DisposeAsync();
        await db.Database.CloseConnectionAsync();
        await db.DisposeAsync();
    }
}
