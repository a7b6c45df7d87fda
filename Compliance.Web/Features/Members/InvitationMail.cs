using Compliance.Domain.Organisations;
using Compliance.Jobs.Hosting;
using Compliance.Jobs.Mail;
using Microsoft.AspNetCore.Identity;

namespace Compliance.Web.Features.Members;

/// <summary>The mail to someone just added: a new account gets a link to choose their password (once, for three days); an existing one a note.</summary>
public sealed class InvitationMail(UserManager<User> users, IMailTransport mail, PublicAddress address)
{
    public async Task<MailResult> SendAsync(AddMember.Added added, string invitedBy, CancellationToken ct = default)
    {
        var organisation = added.OrganisationName;
        var text = added.NewAccount
            ? $"{invitedBy} invited you to the breach notification tracker of {organisation}.\n\n" +
              $"Choose your password here (the link works once, for three days):\n{await SetPasswordLinkAsync(added.User)}\n"
            : $"{invitedBy} added you to {organisation} in the breach notification tracker. Sign in as usual: {address.Link("/")}\n";
        return await mail.SendAsync(new OutgoingMail(added.User.Email, $"You are invited to {organisation}'s breach notification tracker", text, null,
            $"<invitation.{Guid.NewGuid():N}@compliance.invalid>", new Dictionary<string, string> { ["Auto-Submitted"] = "auto-generated" }), ct);
    }

    private async Task<string> SetPasswordLinkAsync(User user)
    {
        var token = await users.GeneratePasswordResetTokenAsync(user);
        return address.Link($"/Account/SetPassword?user={user.Id:N}&token={Uri.EscapeDataString(token)}");
    }
}
