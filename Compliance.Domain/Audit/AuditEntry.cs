using System.Globalization;
using Compliance.Domain.Persistence;
using NodaTime;
using NodaTime.Text;

namespace Compliance.Domain.Audit;

/// <summary>
/// One append-only line of an organisation's audit log. Each line's hash covers the previous line's hash, so removing
/// or editing a line breaks every hash after it. Since chain version 1 the hash is an HMAC-SHA256 keyed with the
/// <see cref="AuditSeal"/>, which is kept outside the database: without it nobody can recompute a rewritten chain.
/// Version 0 lines (written before the key existed) keep their plain SHA-256 and are verified as such; they can only
/// come before the first keyed line. A line is drafted by <see cref="AuditLog"/> and sealed (numbered, linked, hashed)
/// when it is saved, under the lock of its organisation's <see cref="AuditHead"/>.
/// </summary>
public sealed class AuditEntry
{
    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>Plain SHA-256, before the chain was keyed.</summary>
    public const int UnkeyedVersion = 0;

    /// <summary>HMAC-SHA256 under the audit key.</summary>
    public const int KeyedVersion = 1;

    private static long drafts;

    private AuditEntry() { Actor = ""; Action = ""; Data = ""; PreviousHash = ""; Hash = ""; }

    private AuditEntry(Guid organisationId, Guid? incidentId, Instant at, string actor, string action, string data)
    {
        OrganisationId = organisationId;
        IncidentId = incidentId;
        At = StoredPrecision.Of(at);
        Actor = actor;
        Action = action;
        Data = data;
        PreviousHash = "";
        Hash = "";
        DraftOrder = Interlocked.Increment(ref drafts);
    }

    public long Id { get; private set; }
    public Guid OrganisationId { get; private set; }
    public long Sequence { get; private set; }
    public Guid? IncidentId { get; private set; }
    public Instant At { get; private set; }
    public string Actor { get; private set; }
    public string Action { get; private set; }

    /// <summary>JSON describing the change (field, before, after). Never holds affected people's personal data.</summary>
    public string Data { get; private set; }
    public string PreviousHash { get; private set; }
    public string Hash { get; private set; }
    public int ChainVersion { get; private set; }

    /// <summary>The order lines were drafted in this process: lines saved together are sealed in this order. Not stored.</summary>
    internal long DraftOrder { get; }

    public bool IsSealed => Sequence > 0;

    public static AuditEntry Draft(Guid organisationId, Guid? incidentId, Instant at, string actor, string action, string data) =>
        new(organisationId, incidentId, at, actor, action, data);

    /// <summary>A drafted line sealed after <paramref name="previous"/> (for building chains outside a database).</summary>
    public static AuditEntry Follow(AuditEntry? previous, AuditSeal seal, Guid organisationId, Guid? incidentId, Instant at, string actor, string action, string data)
    {
        var entry = Draft(organisationId, incidentId, at, actor, action, data);
        entry.Seal((previous?.Sequence ?? 0) + 1, previous?.Hash ?? GenesisHash, seal);
        return entry;
    }

    /// <summary>A version 0 line as the tracker wrote them before the chain was keyed (for upgrade tests).</summary>
    public static AuditEntry Unkeyed(AuditEntry? previous, Guid organisationId, Guid? incidentId, Instant at, string actor, string action, string data)
    {
        var entry = Draft(organisationId, incidentId, at, actor, action, data);
        entry.Sequence = (previous?.Sequence ?? 0) + 1;
        entry.PreviousHash = previous?.Hash ?? GenesisHash;
        entry.ChainVersion = UnkeyedVersion;
        entry.Hash = Sha256Text.Of(entry.Canonical());
        return entry;
    }

    internal void Seal(long sequence, string previousHash, AuditSeal seal)
    {
        Sequence = sequence;
        PreviousHash = previousHash;
        ChainVersion = KeyedVersion;
        Hash = seal.Mac(Canonical());
    }

    /// <summary>Whether the stored hash is the one this line's content gives (a keyed line needs the key).</summary>
    public bool HashIsIntact(AuditSeal? seal) => ChainVersion switch
    {
        UnkeyedVersion => Hash == Sha256Text.Of(Canonical()),
        KeyedVersion => seal is not null && Hash == seal.Mac(Canonical()),
        _ => false,
    };

    private string Canonical()
    {
        var fields = string.Join('\n', PreviousHash, OrganisationId.ToString("N"), Sequence.ToString(CultureInfo.InvariantCulture),
            IncidentId?.ToString("N") ?? "-", InstantPattern.ExtendedIso.Format(At), Actor, Action, Data);
        return ChainVersion == UnkeyedVersion ? fields : "v" + ChainVersion.ToString(CultureInfo.InvariantCulture) + "\n" + fields;
    }
}
