using System.Net;
using System.Text;
using Compliance.Domain.People;
using Compliance.Domain.Persistence;
using Compliance.Domain.Vocabulary;
using Compliance.Domain.Workspace;
using Compliance.Tests.Pages.Support;
using Compliance.Web.Commands;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Compliance.Tests.People;

// The manual-contact worklist as the responder on the phone uses it, and the duty's counts that follow from it.
public sealed class ContactsPageTests(PagesApp app) : IClassFixture<PagesApp>
{
    private string Page => $"/Incidents/{PagesApp.HongKong2019}/Contacts";

    private async Task<Guid> ImportAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ComplianceDbContext>();
        if (!await db.AffectedPeople.AnyAsync())
        {
            var legal = new Actor(Guid.NewGuid(), PagesApp.Legal, DemoSeeder.OrganisationId, Role.Legal);
            var csv = "Name,Email,Country,Language\nNg Ka Yan,,HK,zh-Hant\nLee Wai Ling,wl.lee@example.hk,HK,en\n";
            Assert.True((await scope.ServiceProvider.GetRequiredService<ImportPeople>().HandleAsync(legal, new ImportPeople.Request(PagesApp.HongKong2019,
                () => new MemoryStream(Encoding.UTF8.GetBytes(csv)), new ColumnMap("Name", "Country", "Email", "Language")))).IsOk);
        }
        return await app.ReadAsync(d => d.AffectedPeople.Where(p => p.IncidentId == PagesApp.HongKong2019 && p.EmailLookup == null).Select(p => p.Id).SingleAsync());
    }

    [Fact]
    public async Task The_responder_records_a_call_in_Hong_Kong_time_and_the_duty_counts_the_person_notified()
    {
        var ng = await ImportAsync();
        var responder = await app.SignedInAsync(PagesApp.Responder);
        var html = await responder.HtmlAsync(Page);
        Assert.Contains("Ng Ka Yan", html);
        Assert.Contains("no email address", html);
        Assert.DoesNotContain("Lee Wai Ling", html); // emailable: not on the worklist

        var blank = await responder.PostAsync(Page, Page, ("PersonId", ng.ToString()), ("ContactedAt.Local", ""), ("Method", "phone"), ("Outcome", "reached"), ("Notes", ""));
        Assert.Equal(HttpStatusCode.OK, blank.StatusCode);
        Assert.Contains("When: Enter when the contact was made.", WebUtility.HtmlDecode(await blank.Content.ReadAsStringAsync()));

        // 10:00 in Hong Kong is 02:00 UTC, before the app's clock (08:00 UTC).
        var saved = await responder.PostAsync(Page, Page, ("PersonId", ng.ToString()), ("ContactedAt.Local", "2026-11-22T10:00"), ("Method", "phone"),
            ("Outcome", "reached"), ("Notes", "Told her on the office line."));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var contact = await app.ReadAsync(d => d.PersonContacts.SingleAsync(c => c.PersonId == ng));
        Assert.Equal(NodaTime.Instant.FromUtc(2026, 11, 22, 2, 0), contact.ContactedAt);
        Assert.Equal(PagesApp.Responder, contact.RecordedBy);
        var after = WebUtility.HtmlDecode(await responder.HtmlAsync(Page));
        Assert.Contains("Told her on the office line.", after);
        Assert.Contains("1 of 1 reached", after);

        // The duty to tell Hong Kong's people: one notified by the call, one emailable still pending.
        var incident = WebUtility.HtmlDecode(await responder.HtmlAsync($"/Incidents/{PagesApp.HongKong2019}"));
        Assert.Contains("1 of 2 people notified", incident);
        Assert.Contains("1 pending", incident);
        Assert.Contains("partly fulfilled", incident);
    }

    [Theory]
    [InlineData(PagesApp.Viewer)]
    public async Task A_viewer_sees_no_names(string who)
    {
        await ImportAsync();
        var client = await app.SignedInAsync(who);
        var response = await client.GetAsync(Page);
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("Ng Ka Yan", await response.Content.ReadAsStringAsync());
    }
}
