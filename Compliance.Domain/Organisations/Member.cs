using Compliance.Domain.Vocabulary;
using NodaTime;

namespace Compliance.Domain.Organisations;

/// <summary>
/// A user's role in one organisation. A <see cref="Role.Responder"/> is a guest limited to one incident
/// until <see cref="ExpiresAt"/>.
/// </summary>
public sealed class Member
{
    private Member() { }

    public Member(Guid id, Guid organisationId, Guid userId, Role role, Guid? incidentId = null, Instant? expiresAt = null)
    {
        if (role == Role.Responder && (incidentId is null || expiresAt is null))
            throw new ArgumentException("A responder is limited to one incident and must have an expiry.", nameof(role));
        Id = id;
        OrganisationId = organisationId;
        UserId = userId;
        Role = role;
        IncidentId = incidentId;
        ExpiresAt = expiresAt;
    }

    public Guid Id { get; private set; }
    public Guid OrganisationId { get; private set; }
    public Guid UserId { get; private set; }
    public Role Role { get; private set; }
    public Guid? IncidentId { get; private set; }
    public Instant? ExpiresAt { get; private set; }

    public bool IsActiveAt(Instant now) => ExpiresAt is null || now < ExpiresAt;

    /// <summary>The membership a person acts under: the strongest role among those still active (admin first).</summary>
    public static Member? Acting(IEnumerable<Member> memberships, Instant now) =>
        memberships.Where(m => m.IsActiveAt(now)).OrderBy(m => m.Role).FirstOrDefault();
}
