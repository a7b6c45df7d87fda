using Compliance.Domain.Persistence;
using NodaTime;
using NodaTime.Text;

namespace Compliance.Domain.Audit;

/// <summary>
/// One append-only line of an organisation's audit log. Each line's hash covers the previous line's hash,
/// so removing or editing a line breaks every hash after it. <see cref="Sequence"/> is unique per
/// organisation: two writers racing for the same place cannot both win.
/// </summary>
public sealed class AuditEntry
{
    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    private AuditEntry() { Actor = ""; Action = ""; Data = ""; PreviousHash = ""; Hash = ""; }

    private AuditEntry(Guid organisationId, long sequence, Guid? incidentId, Instant at, string actor, string action, string data, string previousHash)
    {
        OrganisationId = organisationId;
        Sequence = sequence;
        IncidentId = incidentId;
        At = StoredPrecision.Of(at);
        Actor = actor;
        Action = action;
        Data = data;
        PreviousHash = previousHash;
        Hash = ComputeHash();
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

    public static AuditEntry Follow(AuditEntry? previous, Guid organisationId, Guid? incidentId, Instant at, string actor, string action, string data) =>
        new(organisationId, (previous?.Sequence ?? 0) + 1, incidentId, at, actor, action, data, previous?.Hash ?? GenesisHash);

    public bool HashIsIntact() => Hash == ComputeHash();

    private string ComputeHash()
    {
        var canonical = string.Join('\n', PreviousHash, OrganisationId.ToString("N"), Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture),
            IncidentId?.ToString("N") ?? "-", InstantPattern.ExtendedIso.Format(At), Actor, Action, Data);
        return Sha256Text.Of(canonical);
    }
}
