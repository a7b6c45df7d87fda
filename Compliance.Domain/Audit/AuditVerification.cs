using Compliance.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Compliance.Domain.Audit;

/// <summary>
/// Verifies every organisation's log against its key, its head and its last signed checkpoint, and checkpoints the
/// logs that are intact: the work of <c>audit verify</c>, <c>audit checkpoint</c> and the hourly checkpoint job.
/// </summary>
public sealed class AuditVerification(Func<ComplianceDbContext> database, AuditCheckpoints checkpoints, IClock clock)
{
    public sealed record Outcome(Guid OrganisationId, string Slug, long Entries, AuditChain.Verdict Verdict, IReadOnlyList<string> CheckpointProblems, bool Checkpointed);

    public static async Task<AuditChain.Verdict> VerifyAsync(ComplianceDbContext db, Guid organisationId, AuditCheckpoint? checkpoint, CancellationToken ct) =>
        (await VerifyStreamingAsync(db, organisationId, checkpoint, ct)).Verdict;

    /// <summary>
    /// The verdict and the last entry it was reached on, so a caller needs no second read of it. The log is streamed in
    /// sequence order and never held whole: a log of 200,000 lines took 264 MB to verify when it was read into a list.
    /// </summary>
    private static Task<(AuditChain.Verdict Verdict, AuditEntry? Last)> VerifyStreamingAsync(ComplianceDbContext db, Guid organisationId,
        AuditCheckpoint? checkpoint, CancellationToken ct) =>
        AuditChain.VerifyAsync(
            db.AuditEntries.IgnoreQueryFilters().AsNoTracking().Where(e => e.OrganisationId == organisationId).OrderBy(e => e.Sequence).AsAsyncEnumerable(),
            db.AuditSeal,
            token => db.AuditHeads.AsNoTracking().Where(h => h.OrganisationId == organisationId).Select(h => (long?)h.LastSequence).SingleOrDefaultAsync(token),
            checkpoint, ct);

    /// <summary>
    /// Each organisation (or only <paramref name="slug"/>), then every organisation that has checkpoints but is gone
    /// from the database. With <paramref name="checkpoint"/>, an intact log's last entry is checkpointed.
    /// </summary>
    public async Task<IReadOnlyList<Outcome>> RunAsync(string? slug, bool checkpoint, CancellationToken ct = default)
    {
        await using var db = database();
        var organisations = await db.Organisations.AsNoTracking().IgnoreQueryFilters()
            .Where(o => slug == null || o.Slug == slug)
            .OrderBy(o => o.Slug).Select(o => new { o.Id, o.Slug }).ToListAsync(ct);
        var outcomes = new List<Outcome>();
        foreach (var org in organisations)
        {
            var reading = await checkpoints.ReadAsync(org.Id, ct);
            var (verdict, last) = await VerifyStreamingAsync(db, org.Id, reading.Latest, ct);
            var written = checkpoint && verdict.Intact && last is not null
                && await checkpoints.WriteAsync(org.Id, org.Slug, last, clock.GetCurrentInstant(), reading.Latest, ct);
            outcomes.Add(new(org.Id, org.Slug, last?.Sequence ?? 0, verdict, reading.Problems, written));
        }

        var known = slug is null ? organisations.Select(o => o.Id).ToHashSet()
            : (await db.Organisations.AsNoTracking().IgnoreQueryFilters().Select(o => o.Id).ToListAsync(ct)).ToHashSet();
        foreach (var gone in checkpoints.Organisations().Where(id => !known.Contains(id)))
        {
            var reading = await checkpoints.ReadAsync(gone, ct);
            if (reading.Latest is not { } latest || (slug is not null && latest.Slug != slug)) continue;
            outcomes.Add(new(gone, latest.Slug, 0, new AuditChain.Verdict(false, 1,
                $"the organisation is gone from the database but the checkpoint of {NodaTime.Text.InstantPattern.General.Format(latest.At)} holds entry {latest.Sequence} of its log"),
                reading.Problems, false));
        }
        return outcomes;
    }
}
