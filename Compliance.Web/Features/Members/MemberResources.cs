namespace Compliance.Web.Features.Members;

/// <summary>
/// One membership as an admin sees it. A responder is a guest on one incident until "until"; "twoFactor" says whether they
/// have a second factor, "passwordSet" whether an invited person has chosen their password yet.
/// </summary>
public sealed record MemberResource(Guid UserId, string Email, string Name, string Role, Guid? IncidentId, string? IncidentReference, string? Until,
    bool TwoFactor, bool PasswordSet)
{
    public static MemberResource From(MemberList.Row row, string zone) =>
        new(row.UserId, row.Email, row.Name, Compliance.Domain.Vocabulary.KebabCase<Compliance.Domain.Vocabulary.Role>.ToId(row.Role), row.IncidentId,
            row.Incident, ApiTime.Format(row.Until, zone), row.TwoFactor, row.PasswordSet);

    public static string[] KeyOf(MemberResource m) => [m.Email.ToLowerInvariant(), CursorKey.Of(m.UserId), m.IncidentId is { } i ? CursorKey.Of(i) : ""];
}

/// <summary>Someone to add: email and role (admin, security-lead, legal, viewer; responder with incidentId and expiresAt), and a display name.</summary>
public sealed record NewMemberBody(string Email, string? Name, string Role, Guid? IncidentId, string? ExpiresAt);

/// <summary>The member just added, and whether the invitation (or, for an existing account, the note) went out.</summary>
public sealed record AddedMemberResource(MemberResource Member, bool NewAccount, bool MailSent);

/// <summary>The new role of a member: admin, security-lead, legal or viewer.</summary>
public sealed record MemberPatchBody(string Role);
