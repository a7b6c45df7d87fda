using System.Data.Common;
using System.Globalization;
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
/// Values are written exactly as EF writes them (SQLite: upper-case GUID text, DateTime text, 0/1).
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
        accepted = Command($"""UPDATE campaign_recipients SET "State" = 'sent', "Confirmed" = {(sqlite ? "1" : "TRUE")}, "SentAt" = @at, "ServerReply" = @reply""" + where,
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
    public async Task CommitHandOffAsync(Instant at, IReadOnlyList<Released> releases, IReadOnlyList<Accepted> acceptances)
    {
        if (connection is NpgsqlConnection npgsql)
        {
            // One round trip: a batch runs as one implicit transaction, all or nothing.
            await using var batch = new NpgsqlBatch(npgsql);
            foreach (var r in releases) batch.BatchCommands.Add(Batched(released, r.PersonId, at, r.MessageId, r.Template));
            foreach (var a in acceptances) batch.BatchCommands.Add(Batched(accepted, a.PersonId, at, a.Reply));
            await batch.ExecuteNonQueryAsync();
            return;
        }
        await using var transaction = await connection.BeginTransactionAsync();
        foreach (var r in releases) await RunAsync(released, transaction, r.PersonId, at, r.MessageId, r.Template);
        foreach (var a in acceptances) await RunAsync(accepted, transaction, a.PersonId, at, a.Reply);
        await transaction.CommitAsync();
    }

    /// <summary>Final states of the chunk's messages whose outcome no hand-off commit recorded.</summary>
    public async Task CommitResultsAsync(IReadOnlyList<Result> results)
    {
        if (results.Count == 0) return;
        await using var transaction = await connection.BeginTransactionAsync();
        foreach (var r in results)
            await RunAsync(result, transaction, r.PersonId, KebabCase<RecipientState>.ToId(r.State), r.Confirmed, r.HandedAt, r.SentAt, r.Reply,
                r.Attempts, r.NextAttemptAt, r.MessageId, r.Template);
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

    private async Task RunAsync(DbCommand command, DbTransaction transaction, Guid personId, params object?[] values)
    {
        command.Transaction = transaction;
        command.Parameters[0].Value = Value(campaignId);
        command.Parameters[1].Value = Value(personId);
        for (var i = 0; i < values.Length; i++) command.Parameters[i + 2].Value = Value(values[i]);
        await command.ExecuteNonQueryAsync();
    }

    private NpgsqlBatchCommand Batched(DbCommand template, Guid personId, params object?[] values)
    {
        var command = new NpgsqlBatchCommand(template.CommandText);
        object?[] all = [campaignId, personId, .. values];
        for (var i = 0; i < all.Length; i++) command.Parameters.Add(new NpgsqlParameter(template.Parameters[i].ParameterName, Value(all[i])));
        return command;
    }

    private object Value(object? value) => value switch
    {
        null => DBNull.Value,
        Guid id => sqlite ? id.ToString().ToUpperInvariant() : id,
        Instant at => sqlite
            ? at.ToDateTimeUtc().ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture)
            : at.ToDateTimeUtc(),
        bool b => sqlite ? (b ? 1 : 0) : b,
        _ => value,
    };

    public async ValueTask DisposeAsync()
    {
        await released.DisposeAsync();
        await accepted.DisposeAsync();
        await result.DisposeAsync();
        await db.Database.CloseConnectionAsync();
        await db.DisposeAsync();
    }
}
