using System.Net;
using System.Text.RegularExpressions;
using Compliance.Domain.Organisations;
using Compliance.Domain.Persistence;
using Compliance.Jobs.Hosting;
using Compliance.Tests.Pages.Support;
using Compliance.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Compliance.Tests.Members;

// An admin manages the organisation's people in the browser: invite, change a role, reset two-factor, remove.
public sealed partial class MembersPageTests(PagesApp app) : IClassFixture<PagesApp>
{
    private const string NewPerson = "new.person@demo.example";
    private const string NewPassword = "a long new password here";

    [Fact]
    public async Task An_invited_person_chooses_a_password_once_then_is_moved_to_viewer_and_removed_with_everything_audited()
    {
        var admin = await app.SignedInAsync(PagesApp.Admin);
        var invited = await admin.PostAsync("/Admin/Members", "/Admin/Members?handler=Invite", ("Email", NewPerson), ("Name", "New Person"), ("Role", "legal"));
        Assert.Contains("an invitation to choose a password was sent", Html.Text(Html.Element(await invited.Content.ReadAsStringAsync(), "members-message")));

        var link = InvitationLink(NewPerson);
        Assert.Equal(app.Address.Authority, link.Authority); // no App:BaseUrl: the link follows where the app listens
        using var person = new FormClient(app.Address);
        var set = await person.PostAsync(link.PathAndQuery, link.PathAndQuery, ("user", Query(link, "user")), ("Token", Query(link, "token")),
            ("Password", NewPassword), ("Confirm", NewPassword));
        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        await person.SignInAsync(NewPerson, NewPassword);
        Assert.Equal(HttpStatusCode.OK, (await person.GetAsync("/Incidents")).StatusCode);

        using var again = new FormClient(app.Address);
        var reused = await again.PostAsync(link.PathAndQuery, link.PathAndQuery, ("user", Query(link, "user")), ("Token", Query(link, "token")),
            ("Password", "someone else's password"), ("Confirm", "someone else's password"));
        Assert.Contains("expired or was already used", Html.Text(Html.Element(await reused.Content.ReadAsStringAsync(), "set-password-error")));

        var id = await app.ReadAsync(db => db.Users.Where(u => u.Email == NewPerson).Select(u => u.Id).SingleAsync());
        var moved = await admin.PostAsync("/Admin/Members", "/Admin/Members?handler=Role", ("UserId", id.ToString()), ("Role", "viewer"));
        Assert.Contains("Role changed", Html.Text(Html.Element(await moved.Content.ReadAsStringAsync(), "members-message")));
        Assert.Equal(HttpStatusCode.Redirect, (await person.GetAsync("/Incidents")).StatusCode); // signed out: the role travels with the session

        await admin.PostAsync("/Admin/Members", "/Admin/Members?handler=Remove", ("UserId", id.ToString()));
        Assert.False(await app.ReadAsync(db => db.Members.AnyAsync(m => m.UserId == id)));
        var actions = await app.ReadAsync(db => db.AuditEntries.Where(e => e.Data.Contains(NewPerson)).Select(e => e.Action).ToListAsync());
        Assert.Equal(["member.added", "member.role-changed", "member.removed"], actions);
    }

    [Fact]
    public async Task A_lost_authenticator_is_reset_and_the_last_admin_cannot_be_removed()
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
            var viewer = (await users.FindByEmailAsync(PagesApp.Viewer))!;
            await users.ResetAuthenticatorKeyAsync(viewer);
            await users.SetTwoFactorEnabledAsync(viewer, true);
            var db = scope.ServiceProvider.GetRequiredService<ComplianceDbContext>();
            db.SecurityKeys.Add(new SecurityKey(Guid.NewGuid(), viewer.Id, [9, 9, 9], [1], 0, ["usb"], "lost key", Guid.Empty, app.Clock.Now));
            await db.SaveChangesAsync();
        }
        var admin = await app.SignedInAsync(PagesApp.Admin);
        var viewerId = await app.ReadAsync(db => db.Users.Where(u => u.Email == PagesApp.Viewer).Select(u => u.Id).SingleAsync());
        await admin.PostAsync("/Admin/Members", "/Admin/Members?handler=ResetTwoFactor", ("UserId", viewerId.ToString()));
        var user = await app.ReadAsync(db => db.Users.SingleAsync(u => u.Id == viewerId));
        Assert.False(user.TwoFactorEnabled);
        Assert.Null(user.ProtectedAuthenticatorKey);
        Assert.False(await app.ReadAsync(db => db.SecurityKeys.AnyAsync(k => k.UserId == viewerId)));

        var adminId = await app.ReadAsync(db => db.Users.Where(u => u.Email == PagesApp.Admin).Select(u => u.Id).SingleAsync());
        var refused = await admin.PostAsync("/Admin/Members", "/Admin/Members?handler=Remove", ("UserId", adminId.ToString()));
        Assert.Contains("at least one admin", Html.Text(Html.Element(await refused.Content.ReadAsStringAsync(), "members-problem")));

        var lead = await app.SignedInAsync(PagesApp.Lead);
        Assert.NotEqual(HttpStatusCode.OK, (await lead.GetAsync("/Admin/Members")).StatusCode);
    }

    private Uri InvitationLink(string to)
    {
        var folder = app.Services.GetRequiredService<AppConfiguration>().Mail.PickupFolder;
        var message = Directory.GetFiles(folder, "*.eml").Select(File.ReadAllText).Select(ReceivedMessage.Parse)
            .Single(m => (m.Header("To") ?? "").Contains(to, StringComparison.Ordinal));
        var text = string.Concat(message.Parts.Select(p => p.Body));
        return new Uri(Link().Match(text).Value);
    }

    private static string Query(Uri link, string name) =>
        Uri.UnescapeDataString(Regex.Match(link.Query, $"[?&]{name}=([^&]+)").Groups[1].Value);

    [GeneratedRegex(@"https?://\S+/Account/SetPassword\?\S+")]
    private static partial Regex Link();

    [Fact]
    public async Task A_member_whose_only_second_factor_is_a_key_shows_it_on_and_can_be_reset()
    {
        var responderId = await app.ReadAsync(db => db.Users.Where(u => u.Email == PagesApp.Responder).Select(u => u.Id).SingleAsync());
        await app.ReadAsync(async db =>
        {
            db.SecurityKeys.Add(new SecurityKey(Guid.NewGuid(), responderId, [1, 2, 3], [4, 5, 6], 0, [], "Office key", Guid.Empty, app.Clock.Now));
            return await db.SaveChangesAsync();
        });
        var admin = await app.SignedInAsync(PagesApp.Admin);
        var row = Html.Element(await admin.HtmlAsync("/Admin/Members"), $"member-{responderId}");
        Assert.Contains("data-label=\"Two-factor\">on</td>", row);
        Assert.Contains("Reset two-factor", Html.Text(row));
    }
}
