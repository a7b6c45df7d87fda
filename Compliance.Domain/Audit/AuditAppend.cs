using System.Data.Common;
using Compliance.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Compliance.Domain.Audit;

/// <summary>
/// The one place audit lines get their place in the chain. Inside the transaction that saves them, each
/// organisation's head row is locked by an UPDATE (a row lock on PostgreSQL and SQL Server, the write lock on SQLite),
/// so concurrent writers to one organisation take their turn instead of colliding on a sequence number; the lines
/// are then numbered after the head, linked to its hash and keyed, and the head moves on.
/// </summary>
public static class AuditAppend
{
    /// <summary>Creates a missing head (an organisation's first line, or a log written before heads existed), starting where its log ends.</summary>
    public const string CreateHead = """
        INSERT INTO audit_heads ("OrganisationId", "LastSequence", "LastHash")
        SELECT @organisation, @sequence, @hash
        WHERE NOT EXISTS (SELECT 1 FROM audit_heads WHERE "OrganisationId" = @organisation)
        """;

    internal static async Task SealAsync(ComplianceDbContext db, IReadOnlyList<AuditEntry> drafts, AuditSeal seal, CancellationToken ct)
    {
        // One order for every writer (by organisation) so two transactions never wait for each other's heads.
        foreach (var group in drafts.GroupBy(e => e.OrganisationId).OrderBy(g => g.Key))
        {
            var organisationId = group.Key;
            var entries = group.OrderBy(e => e.DraftOrder).ToList();
            var count = entries.Count;
            if (await TakeNumbersAsync(db, organisationId, count, ct) == 0)
            {
                await CreateHeadAsync(db, organisationId, ct);
                if (await TakeNumbersAsync(db, organisationId, count, ct) == 0)
                    throw new InvalidOperationException($"The audit head of organisation {organisationId} could not be created.");
            }
            var head = await db.AuditHeads.AsNoTracking().SingleAsync(h => h.OrganisationId == organisationId, ct);
            var sequence = head.LastSequence - count;
            var previous = head.LastHash;
            foreach (var entry in entries)
            {
                entry.Seal(++sequence, previous, seal);
                previous = entry.Hash;
            }
            await db.AuditHeads.Where(h => h.OrganisationId == organisationId)
                .ExecuteUpdateAsync(s => s.SetProperty(h => h.LastHash, previous), ct);
        }
    }

    /// <summary>
    /// Takes the organisation's head lock now, inside the caller's transaction, and holds it to the commit: for a check
    /// that another writer of the same organisation must not overtake between the check and the save (the last admin).
    /// Writers of that organisation's audit lines wait; other organisations do not.
    /// </summary>
    public static async Task HoldHeadAsync(ComplianceDbContext db, Guid organisationId, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null) throw new InvalidOperationException("The audit head is held inside a transaction only.");
        if (await TakeNumbersAsync(db, organisationId, 0, ct) > 0) return;
        await CreateHeadAsync(db, organisationId, ct);
        await TakeNumbersAsync(db, organisationId, 0, ct);
    }

    private static Task<int> TakeNumbersAsync(ComplianceDbContext db, Guid organisationId, int count, CancellationToken ct) =>
        db.AuditHeads.Where(h => h.OrganisationId == organisationId)
            .ExecuteUpdateAsync(s => s.SetProperty(h => h.LastSequence, h => h.LastSequence + count), ct);

    private static async Task CreateHeadAsync(ComplianceDbContext db, Guid organisationId, CancellationToken ct)
    {
        var last = await db.AuditEntries.IgnoreQueryFilters().AsNoTracking()
            .Where(e => e.OrganisationId == organisationId)
            .OrderByDescending(e => e.Sequence)
            .Select(e => new { e.Sequence, e.Hash })
            .FirstOrDefaultAsync(ct);
        var provider = RawSqlValue.ProviderOf(db.Database);
        var transaction = db.Database.CurrentTransaction!;
        const string savepoint = "audit_head";
        await transaction.CreateSavepointAsync(savepoint, ct);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.Transaction = transaction.GetDbTransaction();
            command.CommandText = CreateHead;
            Add(command, "organisation", organisationId, provider);
            Add(command, "sequence", last?.Sequence ?? 0L, provider);
            Add(command, "hash", last?.Hash ?? AuditEntry.GenesisHash, provider);
            await command.ExecuteNonQueryAsync(ct);
            await transaction.ReleaseSavepointAsync(savepoint, ct);
        }
        catch (DbException)
        {
            // Another writer created it at the same moment (a unique key violation): theirs is the head.
            await transaction.RollbackToSavepointAsync(savepoint, ct);
        }
    }

    private static void Add(DbCommand command, string name, object value, DatabaseProvider provider)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@" + name;
        RawSqlValue.Bind(parameter, value, provider);
        command.Parameters.Add(parameter);
    }
}
