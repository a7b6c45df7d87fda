using System.Collections.Concurrent;
using NodaTime;

namespace Compliance.Web.Features.Shared;

/// <summary>
/// Reads kept with the organisation's audit head they were made at, for pages read far more often than their data
/// changes (the dashboard per organisation, the incident page per incident). Every change those pages show appends to
/// the organisation's audit log in the transaction that makes it, and every workspace request reads that head first
/// with the membership (<see cref="OrganisationFrame"/>): a read kept at the same sequence number is still what the
/// database holds, on this node or any other. A read is made again after <see cref="MaxAge"/>, which bounds what
/// changes without an audit line (a member renaming themselves). What is kept is shared between requests and never
/// changed. At most <paramref name="capacity"/> keys are kept: stale reads go first, then the older half.
/// </summary>
public sealed class AuditHeadCache<T>(IClock clock, int capacity) where T : class
{
    public static readonly Duration MaxAge = Duration.FromMinutes(1);

    private sealed record Entry(Guid OrganisationId, long Sequence, Instant ReadAt, T Value);

    private readonly ConcurrentDictionary<Guid, Entry> entries = new();

    /// <summary>What is kept for this key, read for this organisation at this audit head, if it is fresh.</summary>
    public T? Find(Guid key, Guid organisationId, long sequence) =>
        entries.TryGetValue(key, out var kept) && kept.OrganisationId == organisationId && kept.Sequence == sequence
        && clock.GetCurrentInstant() - kept.ReadAt < MaxAge ? kept.Value : null;

    /// <param name="sequence">The organisation's audit head, read before the value (so it is never older than it).</param>
    public void Keep(Guid key, Guid organisationId, long sequence, Instant readAt, T value)
    {
        if (entries.Count >= capacity && !entries.ContainsKey(key)) Evict(readAt);
        entries[key] = new Entry(organisationId, sequence, readAt, value);
    }

    /// <summary>What is kept for a key, current or not; null when nothing is.</summary>
    public T? Kept(Guid key) => entries.GetValueOrDefault(key)?.Value;

    public int Count => entries.Count;

    private void Evict(Instant now)
    {
        foreach (var (key, kept) in entries)
            if (now - kept.ReadAt >= MaxAge) entries.TryRemove(key, out _);
        if (entries.Count < capacity) return;
        var cut = entries.Values.Select(e => e.ReadAt).Order().ElementAt(entries.Count / 2);
        foreach (var (key, kept) in entries)
            if (kept.ReadAt <= cut) entries.TryRemove(key, out _);
    }
}
