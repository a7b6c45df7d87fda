namespace Compliance.Domain.Audit;

/// <summary>
/// The head of an organisation's audit log: the last sequence number handed out and that entry's hash. Every append
/// takes this row's lock first, so writers to one organisation queue here instead of colliding, and a number is never
/// handed out twice, even after the newest entries were deleted.
/// </summary>
public sealed class AuditHead
{
    private AuditHead() { LastHash = ""; }

    public Guid OrganisationId { get; private set; }
    public long LastSequence { get; private set; }
    public string LastHash { get; private set; }
}
