using System.Net;
using System.Text;
using Compliance.Domain.Notices;
using Compliance.Jobs.Notices;
using Compliance.Tests.Filings.Support;
using Compliance.Tests.Pages.Support;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Compliance.Tests.Notices;

// Notice campaigns on the pages: one person prepares, a second approves, everyone watches it send and downloads the proof.
public sealed class CampaignPageTests(PagesApp app) : IClassFixture<PagesApp>
{
    private const string People = "Name,Email,Country,Language\nSiobhán Murphy,siobhan@example.ie,IE,en\nPádraig Kelly,padraig@example.ie,IE,en\n";

    /// <summary>A fresh Irish incident with its people imported and its notice saved (each test has its own audience).</summary>
    private async Task<Guid> IncidentAsync(string people = People, params (string, string)[] notice)
    {
        var id = await app.LogIncidentAsync();
        await app.ImportAsync(id, people);
        await app.SaveNoticeAsync(id, notice);
        return id;
    }

    /// <summary>Prepares a campaign for Ireland on the form as legal staff; returns the campaign page it redirected to.</summary>
    private async Task<string> PrepareAsync(Guid incident)
    {
        var legal = await app.SignedInAsync(PagesApp.Legal);
        var page = $"/Incidents/{incident}/Campaigns";
        var prepared = await legal.PostAsync(page, page + "?handler=Prepare", ("Name", "First wave"), ("Jurisdictions", "IE"));
        Assert.Equal(HttpStatusCode.Redirect, prepared.StatusCode);
        return prepared.Headers.Location!.OriginalString;
    }

    private async Task<string> ApprovedAsync(Guid incident)
    {
        var campaign = await PrepareAsync(incident);
        var lead = await app.SignedInAsync(PagesApp.Lead);
        Assert.Equal(HttpStatusCode.Redirect, (await lead.PostAsync(campaign, campaign + "?handler=Approve")).StatusCode);
        return campaign;
    }

    private static Guid CampaignId(string page) => Guid.Parse(page.Split('/')[^1]);

    [Fact]
    public async Task Legal_prepares_a_campaign_and_only_a_second_person_can_approve_it()
    {
        var incident = await IncidentAsync();
        var legal = await app.SignedInAsync(PagesApp.Legal);
        foreach (var from in new[] { "People", "Notices" })
            Assert.Equal($"/Incidents/{incident}/Campaigns", Html.Attribute(await legal.HtmlAsync($"/Incidents/{incident}/{from}"), "campaigns-link", "href"));
        var form = await legal.HtmlAsync($"/Incidents/{incident}/Campaigns");
        Assert.Contains("IE (2)", Html.Text(Html.Element(form, "campaign-jurisdictions")));
        Assert.Contains("en (2)", Html.Text(Html.Element(form, "campaign-languages")));
        Assert.Contains("manual-contact worklist", Html.Text(form));

        var campaign = await PrepareAsync(incident);
        Assert.StartsWith($"/Incidents/{incident}/Campaigns/", campaign);
        var waiting = await legal.HtmlAsync(campaign);
        Assert.Equal("Awaiting approval", Html.Text(Html.Element(waiting, "campaign-state")));
        Assert.Contains("someone else must approve it", Html.Text(Html.Element(waiting, "second-person")));

        var refused = await legal.PostAsync(campaign, campaign + "?handler=Approve");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("You prepared this campaign, so someone else must approve it", Html.Text(Html.Element(await refused.Content.ReadAsStringAsync(), "campaign-errors")));
        var id = CampaignId(campaign);
        Assert.Equal(CampaignState.AwaitingApproval, await app.ReadAsync(db => db.Campaigns.Where(c => c.Id == id).Select(c => c.State).SingleAsync()));

        var lead = await app.SignedInAsync(PagesApp.Lead);
        var approved = await lead.PostAsync(campaign, campaign + "?handler=Approve");
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        var sending = await lead.HtmlAsync(campaign);
        Assert.Equal("Sending", Html.Text(Html.Element(sending, "campaign-state")));
        Assert.Contains("http-equiv=\"refresh\"", sending);
        Assert.Contains(PagesApp.Lead, Html.Text(Html.Element(sending, "campaign-approved")));

        var actions = await app.ReadAsync(db => db.AuditEntries.Where(e => e.IncidentId == incident && e.Action.StartsWith("campaign.")).Select(e => e.Action).ToListAsync());
        Assert.Equal(new[] { "campaign.approved", "campaign.prepared" }, actions.Order(StringComparer.Ordinal));
        var list = await legal.HtmlAsync($"/Incidents/{incident}/Campaigns");
        Assert.Contains($"href=\"{campaign}\"", Html.Element(list, "campaigns"));
        Assert.Contains("0 of 2", Html.Text(Html.Element(list, "campaigns")));
    }

    [Fact]
    public async Task A_bad_jurisdiction_or_an_unfinished_notice_is_shown_on_the_form_and_prepares_nothing()
    {
        var incident = await IncidentAsync(People, AffectedPeople.Notice(contact: ""));
        var legal = await app.SignedInAsync(PagesApp.Legal);
        var page = $"/Incidents/{incident}/Campaigns";

        var badCode = await (await legal.PostAsync(page, page + "?handler=Prepare", ("Jurisdictions", "Ireland"))).Content.ReadAsStringAsync();
        Assert.Contains("is not a jurisdiction code", Html.Text(Html.Element(badCode, "campaign-jurisdictions-error")));
        Assert.Contains("The campaign was not prepared", badCode);

        var unfinished = await (await legal.PostAsync(page, page + "?handler=Prepare", ("Jurisdictions", "IE"))).Content.ReadAsStringAsync();
        Assert.Contains("IE (en): GDPR Art. 34(2) asks for \"Whom to ask (contact point)\": fill it in.", Html.Text(Html.Element(unfinished, "campaign-notice-error")));
        Assert.Matches("<input type=\"checkbox\" id=\"jurisdiction-IE\"[^>]* checked=\"checked\"", unfinished);

        Assert.False(await app.ReadAsync(db => db.Campaigns.AnyAsync(c => c.IncidentId == incident)));
        Assert.False(await app.ReadAsync(db => db.AuditEntries.AnyAsync(e => e.IncidentId == incident && e.Action == "campaign.prepared")));
    }

    [Theory]
    [InlineData(PagesApp.Viewer)]
    [InlineData(PagesApp.Admin)]
    public async Task Other_roles_are_refused_both_pages_and_the_proof(string who)
    {
        var incident = await IncidentAsync();
        var campaign = await PrepareAsync(incident);
        var client = await app.SignedInAsync(who);
        foreach (var path in new[] { $"/Incidents/{incident}/Campaigns", campaign, campaign + "?handler=ProofCsv", campaign + "?handler=ProofPdf" })
        {
            var response = await client.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.AbsolutePath == "/Account/Denied",
                $"GET {path} answered {(int)response.StatusCode} {response.Headers.Location}");
        }
        var approve = await client.PostAsync($"/Incidents/{incident}", campaign + "?handler=Approve");
        Assert.Equal("/Account/Denied", approve.Headers.Location?.AbsolutePath);
        var id = CampaignId(campaign);
        Assert.Equal(CampaignState.AwaitingApproval, await app.ReadAsync(db => db.Campaigns.Where(c => c.Id == id).Select(c => c.State).SingleAsync()));
    }

    [Fact]
    public async Task Unconfirmed_messages_are_resent_only_on_request_and_a_campaign_can_be_cancelled()
    {
        var incident = await IncidentAsync();
        var campaign = await ApprovedAsync(incident);
        var id = CampaignId(campaign);
        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<CampaignSender>().RunAsync();
        var legal = await app.SignedInAsync(PagesApp.Legal);
        Assert.DoesNotContain("resend-unconfirmed", await legal.HtmlAsync(campaign));

        // As if the sender had stopped between releasing one message and reading the server's reply.
        await app.ReadAsync(db => db.CampaignRecipients.Where(r => r.CampaignId == id).OrderBy(r => r.PersonId).Take(1)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.Confirmed, false)));
        var unconfirmed = await legal.HtmlAsync(campaign);
        Assert.Contains("1 message(s) were released", Html.Text(Html.Element(unconfirmed, "campaign-unconfirmed")));
        Assert.Contains("mail server's log", Html.Text(unconfirmed));
        Assert.Contains("resend-unconfirmed", unconfirmed);

        var messageId = await app.ReadAsync(db => db.CampaignRecipients.Where(r => r.CampaignId == id && !r.Confirmed).Select(r => r.MessageId!).SingleAsync());
        Assert.Contains(System.Net.WebUtility.HtmlEncode(messageId), unconfirmed);
        var nothingTicked = await legal.PostAsync(campaign, campaign + "?handler=Resend");
        Assert.Equal(HttpStatusCode.OK, nothingTicked.StatusCode);
        Assert.Contains("Tick the messages", await nothingTicked.Content.ReadAsStringAsync());

        var resent = await legal.PostAsync(campaign, campaign + "?handler=Resend", ("MessageIds", messageId));
        Assert.Equal($"{campaign}?resent=1", resent.Headers.Location!.OriginalString);
        var after = await legal.HtmlAsync(resent.Headers.Location.OriginalString);
        Assert.Equal("Sending", Html.Text(Html.Element(after, "campaign-state")));
        Assert.Contains("1 unconfirmed message(s) were put back", Html.Text(Html.Element(after, "campaign-message")));

        Assert.Equal(HttpStatusCode.Redirect, (await legal.PostAsync(campaign, campaign + "?handler=Cancel")).StatusCode);
        var cancelled = await legal.HtmlAsync(campaign);
        Assert.Equal("Cancelled", Html.Text(Html.Element(cancelled, "campaign-state")));
        Assert.DoesNotContain("cancel-campaign", cancelled);
        var actions = await app.ReadAsync(db => db.AuditEntries.Where(e => e.IncidentId == incident && e.Action.StartsWith("campaign.")).Select(e => e.Action).ToListAsync());
        Assert.Contains("campaign.resend-unconfirmed", actions);
        Assert.Contains("campaign.cancelled", actions);
    }

    [Fact]
    public async Task The_proof_CSV_has_a_row_per_recipient_and_a_name_a_spreadsheet_would_run_is_escaped()
    {
        var incident = await IncidentAsync(People + "\"=HYPERLINK(\"\"http://evil.example\"\")\",formula@example.ie,IE,en\n");
        var campaign = await ApprovedAsync(incident);
        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<CampaignSender>().RunAsync();

        var legal = await app.SignedInAsync(PagesApp.Legal);
        var download = await legal.GetAsync(campaign + "?handler=ProofCsv");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("text/csv", download.Content.Headers.ContentType!.MediaType);
        Assert.EndsWith(".csv", download.Content.Headers.ContentDisposition!.FileName);

        using var text = new StreamReader(await download.Content.ReadAsStreamAsync(), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        using var csv = CsvReader.Create(text, new CsvReaderOptions { HasHeader = true }, leaveOpen: false);
        csv.ReadHeader();
        Assert.Equal(CampaignProofCsv.Columns, csv.Headers);
        var rows = new List<string[]>();
        while (csv.Read()) rows.Add(Enumerable.Range(0, csv.FieldCount).Select(i => csv.GetString(i)).ToArray());
        Assert.Equal(3, rows.Count);
        var name = Array.IndexOf(CampaignProofCsv.Columns, "name");
        var formula = Assert.Single(rows, r => r[name].Contains("HYPERLINK", StringComparison.Ordinal));
        Assert.Equal("'=HYPERLINK(\"http://evil.example\")", formula[name]);
        Assert.All(rows, r => Assert.Equal("sent", r[Array.IndexOf(CampaignProofCsv.Columns, "state")]));
        Assert.True(await app.ReadAsync(db => db.AuditEntries.AnyAsync(e => e.IncidentId == incident && e.Action == "people.exported")));
    }

    [Fact]
    public async Task The_proof_PDF_states_the_approved_notice_hash_and_the_number_of_recipients()
    {
        var incident = await IncidentAsync();
        var campaign = await ApprovedAsync(incident);
        var id = CampaignId(campaign);
        var hash = await app.ReadAsync(db => db.Campaigns.Where(c => c.Id == id).Select(c => c.TemplateHash).SingleAsync());

        var legal = await app.SignedInAsync(PagesApp.Legal);
        Assert.Contains(hash, Html.Text(Html.Element(await legal.HtmlAsync(campaign), "campaign-hash")));
        var download = await legal.GetAsync(campaign + "?handler=ProofPdf");
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        var text = PdfTools.Text(await download.Content.ReadAsByteArrayAsync());
        Assert.Contains("Proof of notification", text);
        Assert.Contains(hash, text.Replace("\n", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal));
        Assert.Matches(@"Recipients\s+2\b", text);
    }
}
