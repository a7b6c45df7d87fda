using Compliance.Domain.Organisations;
using Compliance.Domain.Persistence;
using Compliance.Domain.Vocabulary;
using Compliance.Domain.Workspace;
using Compliance.Jobs.Hosting;
using Compliance.Jobs.Mail;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Compliance.Web.Features.Members;

/// <summary>
/// An admin's view of the organisation's people: invite someone (a mail with a link to choose their password),
/// change a role, reset a lost two-factor device, remove someone. Everything here is audited.
/// </summary>
public sealed class MembersModel(MemberAdministration members, UserManager<User> users, IMailTransport mail, PublicAddress address,
    CurrentActor current, ComplianceDbContext db, IClock clock) : WorkspacePage(current, db, clock)
{
    public sealed record Row(Guid UserId, string Email, string Name, Role Role, string? Incident, Instant? Until, bool TwoFactor, bool PasswordSet);

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public string? Message { get; private set; }
    public string? Problem { get; private set; }

    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Role { get; set; }
    [BindProperty] public Guid UserId { get; set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ?? Page();

    public async Task<IActionResult> OnPostInviteAsync()
    {
        if (await LoadAsync() is { } refusal) return refusal;
        if (!KebabCase<Role>.TryParse(Role, out var role)) { Problem = "Choose a role."; return Page(); }
        var (invited, problem) = await members.InviteAsync(Actor.OrganisationId, Email ?? "", Name, role, Actor.Email, HttpContext.RequestAborted);
        if (invited is null) { Problem = problem; return Page(); }
        var sent = await SendInvitationAsync(invited);
        Message = sent.Outcome == MailOutcome.Sent
            ? $"{invited.User.Email} is now {Labels.Of(role).ToLowerInvariant()}; {(invited.NewAccount ? "an invitation to choose a password" : "a note")} was sent to them."
            : $"{invited.User.Email} is now {Labels.Of(role).ToLowerInvariant()}, but the mail could not be sent ({sent.Reply}); send it again from the Jobs page or ask them to use 'forgot password'.";
        return await LoadAsync() ?? Page();
    }

    public Task<IActionResult> OnPostRoleAsync() => ActAsync(async () =>
        KebabCase<Role>.TryParse(Role, out var role) ? await members.ChangeRoleAsync(Actor.OrganisationId, UserId, role, Actor.Email) : "Choose a role.",
        "Role changed; their sessions start again with it.");

    public Task<IActionResult> OnPostResetTwoFactorAsync() => ActAsync(
        () => members.ResetTwoFactorAsync(Actor.OrganisationId, UserId, Actor.Email),
        "Two-factor sign-in reset: they are signed out and set it up again at their next sign-in.");

    public Task<IActionResult> OnPostRemoveAsync() => ActAsync(
        () => members.RemoveAsync(Actor.OrganisationId, UserId, Actor.Email),
        "Removed: their sessions have ended and their tokens here are revoked.");

    private async Task<IActionResult> ActAsync(Func<Task<string?>> act, string done)
    {
        if (await LoadAsync() is { } refusal) return refusal;
        Problem = await act();
        Message = Problem is null ? done : null;
        return await LoadAsync() ?? Page();
    }

    private async Task<MailResult> SendInvitationAsync(MemberAdministration.Invited invited)
    {
        var organisation = await Db.Organisations.Where(o => o.Id == Actor.OrganisationId).Select(o => o.Name).SingleAsync();
        var text = invited.NewAccount
            ? $"{Actor.Email} invited you to the breach notification tracker of {organisation}.\n\n" +
              $"Choose your password here (the link works once, for three days):\n{await SetPasswordLinkAsync(invited.User)}\n"
            : $"{Actor.Email} added you to {organisation} in the breach notification tracker. Sign in as usual: {address.Link("/")}\n";
        return await mail.SendAsync(new OutgoingMail(invited.User.Email, $"You are invited to {organisation}'s breach notification tracker", text, null,
            $"<invitation.{Guid.NewGuid():N}@compliance.invalid>", new Dictionary<string, string> { ["Auto-Submitted"] = "auto-generated" }));
    }

    private async Task<string> SetPasswordLinkAsync(User user)
    {
        var token = await users.GeneratePasswordResetTokenAsync(user);
        return address.Link($"/Account/SetPassword?user={user.Id:N}&token={Uri.EscapeDataString(token)}");
    }

    private async Task<IActionResult?> LoadAsync()
    {
        var actor = await LoadActorAsync();
        if (!Allows(Operation.ManageOrganisation, null)) return Forbid();
        var rows = await (from m in Db.Members
                          join u in Db.Users on m.UserId equals u.Id
                          where m.OrganisationId == actor.OrganisationId
                          select new { u.Id, u.Email, u.DisplayName, m.Role, m.IncidentId, m.ExpiresAt, u.TwoFactorEnabled, HasKey = Db.SecurityKeys.Any(k => k.UserId == u.Id), HasPassword = u.PasswordHash != null })
            .ToListAsync(HttpContext.RequestAborted);
        var ids = rows.Where(r => r.IncidentId is not null).Select(r => r.IncidentId!.Value).ToList();
        var references = await Db.Incidents.Where(i => ids.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => i.Reference, HttpContext.RequestAborted);
        Rows = rows.OrderBy(r => r.Role).ThenBy(r => r.Email, StringComparer.OrdinalIgnoreCase)
            .Select(r => new Row(r.Id, r.Email, r.DisplayName, r.Role, r.IncidentId is { } i ? references.GetValueOrDefault(i) : null, r.ExpiresAt,
                r.TwoFactorEnabled || r.HasKey, r.HasPassword)) // a key is a second factor too (UserStore.GetTwoFactorEnabledAsync)
            .ToList();
        return null;
    }
}
