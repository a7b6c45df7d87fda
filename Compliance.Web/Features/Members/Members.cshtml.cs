using Compliance.Domain.Organisations;
using Compliance.Domain.Vocabulary;
using Compliance.Domain.Workspace;
using Compliance.Jobs.Mail;
using Microsoft.AspNetCore.Mvc;

namespace Compliance.Web.Features.Members;

/// <summary>
/// An admin's view of the organisation's people: invite someone (a mail with a link to choose their password),
/// change a role, reset a lost two-factor device, remove someone. Everything here is audited.
/// </summary>
public sealed class MembersModel(MemberList list, MemberCommands commands, InvitationMail invitation, WorkspaceContext context) : WorkspacePage(context)
{
    public IReadOnlyList<MemberList.Row> Rows { get; private set; } = [];
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
        var added = await commands.Add.HandleAsync(Actor, new AddMember.Request(Email ?? "", Name, role), HttpContext.RequestAborted);
        if (!added.IsOk) return await ShowAsync(added.Status, added.Errors);
        var invited = added.Value!;
        var sent = await invitation.SendAsync(invited, Actor.Email, HttpContext.RequestAborted);
        Message = sent.Outcome == MailOutcome.Sent
            ? $"{invited.User.Email} is now {Labels.Of(role).ToLowerInvariant()}; {(invited.NewAccount ? "an invitation to choose a password" : "a note")} was sent to them."
            : $"{invited.User.Email} is now {Labels.Of(role).ToLowerInvariant()}, but the mail could not be sent ({sent.Reply}); send it again from the Jobs page or ask them to use 'forgot password'.";
        return await LoadAsync() ?? Page();
    }

    public async Task<IActionResult> OnPostRoleAsync()
    {
        if (await LoadAsync() is { } refusal) return refusal;
        if (!KebabCase<Role>.TryParse(Role, out var role)) { Problem = "Choose a role."; return Page(); }
        var changed = await commands.ChangeRole.HandleAsync(Actor, new ChangeMemberRole.Request(UserId, role), HttpContext.RequestAborted);
        return await ShowAsync(changed.Status, changed.Errors, "Role changed; their sessions start again with it.");
    }

    public async Task<IActionResult> OnPostResetTwoFactorAsync()
    {
        if (await LoadAsync() is { } refusal) return refusal;
        var reset = await commands.ResetTwoFactor.HandleAsync(Actor, new ResetTwoFactor.Request(UserId), HttpContext.RequestAborted);
        return await ShowAsync(reset.Status, reset.Errors, "Two-factor sign-in reset: they are signed out and set it up again at their next sign-in.");
    }

    public async Task<IActionResult> OnPostRemoveAsync()
    {
        if (await LoadAsync() is { } refusal) return refusal;
        var removed = await commands.Remove.HandleAsync(Actor, new RemoveMember.Request(UserId), HttpContext.RequestAborted);
        return await ShowAsync(removed.Status, removed.Errors, "Removed: their sessions have ended and their tokens here are revoked.");
    }

    /// <summary>The list again, with what happened: done, or the problem in plain words.</summary>
    private async Task<IActionResult> ShowAsync(OutcomeStatus status, IReadOnlyDictionary<string, string[]> errors, string? done = null)
    {
        if (status == OutcomeStatus.Forbidden) return Forbid();
        Problem = status switch
        {
            OutcomeStatus.Ok => null,
            OutcomeStatus.NotFound => MemberRoles.NotAMember,
            _ => errors.Values.SelectMany(m => m).FirstOrDefault(),
        };
        Message = Problem is null ? done : null;
        return await LoadAsync() ?? Page();
    }

    private async Task<IActionResult?> LoadAsync()
    {
        var actor = await LoadActorAsync();
        if (!Allows(Operation.ManageOrganisation, null)) return Forbid();
        Rows = await list.ListAsync(actor.OrganisationId, HttpContext.RequestAborted);
        return null;
    }
}

/// <summary>The commands of the members page, one handler each (the command line calls the same ones).</summary>
public sealed record MemberCommands(AddMember Add, ChangeMemberRole ChangeRole, ResetTwoFactor ResetTwoFactor, RemoveMember Remove);
