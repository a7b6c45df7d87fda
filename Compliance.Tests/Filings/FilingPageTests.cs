using System.Net;
using Compliance.Domain.Obligations;
using Compliance.Domain.Vocabulary;
using Compliance.Tests.Filings.Support;
using Compliance.Tests.Pages.Support;
using Microsoft.EntityFrameworkCore;

namespace Compliance.Tests.Filings;

// Issue 6's "done when": for the Hong Kong seed incident, legal staff download a PCPD filing with the Chinese name of
// the branch, the count and the categories, and mark it filed.
public sealed class FilingPageTests(PagesApp app) : IClassFixture<PagesApp>
{
    private const string ChineseName = "國際特赦組織香港分會";

    [Fact]
    public async Task Legal_staff_fill_check_download_and_mark_filed_the_PCPD_filing_for_the_Hong_Kong_incident()
    {
        var legal = await app.SignedInAsync(PagesApp.Legal);
        var page = $"/Incidents/{PagesApp.HongKong2019}/Filings/HK";

        var first = await legal.HtmlAsync(page);
        Assert.Contains("Still missing", first);
        Assert.Contains("Contact", first);

        var saved = await legal.PostAsync(page, page + "?handler=Generate",
            ("OrganisationName", ChineseName), ("Stage", "initial"),
            ("Narrative[description]", "State-sponsored intruders reached the supporter database and took records."),
            ("Narrative[contact]", "Data protection officer, dpo@demo.example, +852 5555 0100"),
            ("Narrative[measures]", "Systems isolated, passwords reset, forensic firm engaged."));
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var html = await saved.Content.ReadAsStringAsync();
        Assert.Contains("Version 1 saved", html);

        var version = await app.ReadAsync(db => db.Filings.SingleAsync(f => f.IncidentId == PagesApp.HongKong2019));
        var download = await legal.GetAsync($"{page}?handler=Download&filingId={version.Id}");
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        var pdf = await download.Content.ReadAsByteArrayAsync();
        var text = PdfTools.Text(pdf);
        Assert.Contains(ChineseName, text);
        Assert.Contains("2,400", text);
        Assert.Contains("HKID", text);
        var audit = await app.ReadAsync(db => db.AuditEntries.Where(e => e.Action == "filing.generated" && e.IncidentId == PagesApp.HongKong2019).Select(e => e.Data).SingleAsync());
        Assert.Contains(version.PdfSha256, audit);

        var filed = await legal.PostAsync(page, page + "?handler=MarkFiled",
            ("filingId", version.Id.ToString()), ("FiledAtLocal", "2026-11-22T09:30"), ("FiledZone", "Asia/Hong_Kong"), ("Reference", "PCPD-DBN-2026-0042"),
            ("FileIncomplete", version.MissingFields > 0 ? "true" : "false"));
        Assert.Equal(HttpStatusCode.Redirect, filed.StatusCode);
        var duty = await app.ReadAsync(db => db.Obligations.SingleAsync(o => o.IncidentId == PagesApp.HongKong2019 && o.Recipient == Recipient.Regulator
                                                                             && o.Status != ObligationStatus.Superseded));
        Assert.Equal(ObligationStatus.Done, duty.Status);
        Assert.Equal("PCPD-DBN-2026-0042", duty.FilingReference);
        var evidence = await app.ReadAsync(db => db.EvidenceFiles.SingleAsync(e => e.Id == duty.EvidenceFileId));
        Assert.Equal(version.PdfSha256, evidence.Sha256);
    }

    [Fact]
    public async Task A_viewer_may_read_the_filing_page_but_not_save_a_version()
    {
        var viewer = await app.SignedInAsync(PagesApp.Viewer);
        var page = $"/Incidents/{PagesApp.Canada2022}/Filings/CA-QC";
        Assert.DoesNotContain("generate-filing", await viewer.HtmlAsync(page));
        var refused = await viewer.PostAsync(page, page + "?handler=Generate", ("Stage", "initial"));
        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
    }

    [Fact]
    public async Task A_narrative_pasted_a_million_characters_long_is_refused_and_no_version_is_saved()
    {
        var legal = await app.SignedInAsync(PagesApp.Legal);
        var page = $"/Incidents/{PagesApp.Canada2022}/Filings/GB";
        var before = await app.ReadAsync(db => db.Filings.CountAsync());

        var refused = await legal.PostAsync(page, page + "?handler=Generate", ("Stage", "initial"),
            ("Narrative[description]", new string('x', 1_000_000)));

        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("What happened is too long: 1,000,000 characters where at most 8,000 fit", Html.Text(Html.Element(html, "filing-errors")));
        Assert.Equal(before, await app.ReadAsync(db => db.Filings.CountAsync()));
    }

    [Fact]
    public async Task Marking_an_incomplete_version_filed_asks_first_and_the_time_is_read_in_the_authoritys_zone()
    {
        var incident = await app.LogIncidentAsync(); // people in Ireland; the organisation is in Toronto
        var legal = await app.SignedInAsync(PagesApp.Legal);
        var page = $"/Incidents/{incident}/Filings/IE";
        await legal.PostAsync(page, page + "?handler=Generate", ("Stage", "initial"), ("Narrative[description]", "A phished mailbox held the supporter list."));
        var version = await app.ReadAsync(db => db.Filings.SingleAsync(f => f.IncidentId == incident && f.Jurisdiction == "IE"));
        Assert.True(version.MissingFields > 0);

        var html = await legal.HtmlAsync(page);
        Assert.Contains("<option value=\"Europe/Dublin\" selected=\"selected\">", Html.Element(html, $"zone-{version.Id}")); // the DPC's zone
        Assert.Contains($"lacks {version.MissingFields} field(s)", Html.Text(Html.Element(html, $"incomplete-{version.Id}")));

        var asked = await legal.PostAsync(page, page + "?handler=MarkFiled",
            ("filingId", version.Id.ToString()), ("FiledAtLocal", "2026-11-21T16:00"), ("FiledZone", "Europe/Dublin"), ("Reference", "DPC-0001"));
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        Assert.Contains("It was filed like this", Html.Text(Html.Element(await asked.Content.ReadAsStringAsync(), "filing-errors")));
        Assert.Equal(ObligationStatus.Open, await RegulatorDutyStatusAsync(incident));

        var filed = await legal.PostAsync(page, page + "?handler=MarkFiled", ("filingId", version.Id.ToString()),
            ("FiledAtLocal", "2026-11-21T16:00"), ("FiledZone", "Europe/Dublin"), ("Reference", "DPC-0001"), ("FileIncomplete", "true"));
        Assert.Equal(HttpStatusCode.Redirect, filed.StatusCode);
        Assert.StartsWith($"/Incidents/{incident}#duty-", filed.Headers.Location!.OriginalString); // back to the incident
        Assert.Equal(ObligationStatus.Done, await RegulatorDutyStatusAsync(incident));
        var filedAt = await app.ReadAsync(db => db.Obligations.Where(o => o.IncidentId == incident && o.Recipient == Recipient.Regulator
            && o.Status == ObligationStatus.Done).Select(o => o.FiledAt).SingleAsync());
        Assert.Equal(NodaTime.Instant.FromUtc(2026, 11, 21, 16, 0), filedAt);
    }

    private Task<ObligationStatus> RegulatorDutyStatusAsync(Guid incident) =>
        app.ReadAsync(db => db.Obligations.Where(o => o.IncidentId == incident && o.Jurisdiction == "IE" && o.Recipient == Recipient.Regulator
                                                      && o.Status != ObligationStatus.Superseded).Select(o => o.Status).SingleAsync());
}
