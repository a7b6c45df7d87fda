using System.Net;
using System.Text.RegularExpressions;
using Compliance.Domain.Reminders;
using Compliance.Tests.Pages.Support;
using Microsoft.EntityFrameworkCore;

namespace Compliance.Tests.Reminders;

// The Jobs page says which duty each reminder is for, with a link to it, and keeps subjects readable.
public sealed class JobsPageDutyTests(PagesApp app) : IClassFixture<PagesApp>
{
    [Fact]
    public async Task Each_upcoming_and_sent_reminder_names_its_duty_and_links_to_it()
    {
        await app.ReadAsync(async db =>
        {
            await new ReminderPlanner(db, app.Clock).SyncAsync(Compliance.Web.Commands.DemoSeeder.OrganisationId);
            return await db.SaveChangesAsync();
        });
        var reminder = await app.ReadAsync(db => db.Reminders.Where(r => r.State == ReminderState.Pending).OrderBy(r => r.DueAt).FirstAsync());
        var duty = await app.ReadAsync(db => db.Obligations.SingleAsync(o => o.Id == reminder.ObligationId));
        await app.ReadAsync(async db =>
        {
            db.MailLog.Add(new MailLogEntry(reminder.OrganisationId, reminder.Key, "lead@demo.example", "Deadline in 4 hours: a long subject that must read as one line", app.Clock.Now)
            {
                State = MailState.Sent, SentAt = app.Clock.Now, MessageId = "<reminder.0123456789abcdef0123456789abcdef@compliance.invalid>",
            });
            return await db.SaveChangesAsync();
        });

        var admin = await app.SignedInAsync(PagesApp.Admin);
        var html = WebUtility.HtmlDecode(await admin.HtmlAsync("/Admin/Jobs"));
        var link = $"/Incidents/{duty.IncidentId}#obligation-{duty.Id}";
        Assert.Contains(link, Html.Element(html, "upcoming"));
        Assert.Contains(duty.Authority, Html.Text(Html.Element(html, "upcoming")));
        var sent = Html.Element(html, "send-log");
        Assert.Contains(link, sent);
        Assert.Matches(new Regex("class=\"subject\">Deadline in 4 hours"), sent);
        Assert.Contains("class=\"message-id\"", sent);
    }
}
