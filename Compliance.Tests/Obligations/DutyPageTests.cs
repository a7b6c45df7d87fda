using System.Net;
using Compliance.Domain.Obligations;
using Compliance.Tests.Pages.Support;
using Microsoft.EntityFrameworkCore;
using Compliance.Tests.Pages;

namespace Compliance.Tests.Obligations;

public sealed class DutyPageTests(PagesApp app) : IClassFixture<PagesApp>
{
    [Fact]
    public async Task Closing_while_a_mandatory_duty_is_open_is_refused_on_the_page()
    {
        var id = await app.LogIncidentAsync();
        var lead = await app.SignedInAsync(PagesApp.Lead);

        var response = await lead.PostAsync($"/Incidents/{id}", $"/Incidents/{id}?handler=Status", ("NewStatus", "closed"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("mandatory duty(ies) are still open", Html.Text(Html.Element(html, "status-error")));
        Assert.Equal("Open", Html.Text(Html.Element(html, "incident-status")));

        var contained = await lead.PostAsync($"/Incidents/{id}", $"/Incidents/{id}?handler=Status", ("NewStatus", "contained"));
        Assert.Equal(HttpStatusCode.Redirect, contained.StatusCode);
        Assert.Equal("Contained", Html.Text(Html.Element(await lead.HtmlAsync($"/Incidents/{id}"), "incident-status")));
    }

    [Fact]
    public async Task Not_required_needs_a_reason_and_then_shows_who_decided_and_why()
    {
        var id = await app.LogIncidentAsync();
        var duty = await app.CurrentAsync(id, "eu-gdpr-art34");
        var legal = await app.SignedInAsync(PagesApp.Legal);
        var action = $"/Incidents/{id}/Obligations/{duty.Id}/Decision";

        var refused = await legal.PostAsync($"/Incidents/{id}", action, ("Rationale", "no"));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Explain why this duty is not required", Html.Text(await refused.Content.ReadAsStringAsync()));

        const string why = "The exported list was encrypted at rest and the key was never on the phished mailbox.";
        var decided = await legal.PostAsync($"/Incidents/{id}", action, ("Rationale", why));
        Assert.Equal(HttpStatusCode.Redirect, decided.StatusCode);
        Assert.Equal($"/Incidents/{id}#duty-{duty.Id}", decided.Headers.Location!.OriginalString);

        var row = Html.Text(Html.Element(await legal.HtmlAsync($"/Incidents/{id}"), $"duty-{duty.Id}"));
        Assert.Contains("Not required", row);
        Assert.Contains("decided by legal@demo.example, Sun 22 Nov 2026 03:00 UTC-05:00", row);
        Assert.Contains(why, row);
        Assert.Equal(ObligationStatus.NotRequired, (await app.ReadAsync(db => db.Obligations.SingleAsync(o => o.Id == duty.Id))).Status);
    }

    [Fact]
    public async Task A_filing_with_evidence_is_recorded_on_time_and_its_evidence_downloads()
    {
        var id = await app.LogIncidentAsync();
        var duty = await app.CurrentAsync(id, "eu-gdpr-art33");
        var lead = await app.SignedInAsync(PagesApp.Lead);
        var receipt = "%PDF-1.4 receipt from the DPC"u8.ToArray();

        var filed = await lead.PostMultipartAsync($"/Incidents/{id}", $"/Incidents/{id}/Obligations/{duty.Id}/Fulfilment",
            [("Form.FiledAt.Local", "2026-11-21T15:30"), ("Form.Zone", "Europe/Dublin"), ("Form.Reference", "DPC-BN-2026-1142")],
            ("Evidence", "dpc-receipt.pdf", "application/pdf", receipt));
        Assert.Equal(HttpStatusCode.Redirect, filed.StatusCode);

        var page = await lead.HtmlAsync($"/Incidents/{id}");
        var row = Html.Text(Html.Element(page, $"duty-{duty.Id}"));
        Assert.Contains("Fulfilled filed Sat 21 Nov 2026 10:30 UTC-05:00 on time", row);
        Assert.Contains("ref. DPC-BN-2026-1142, by lead@demo.example", row);
        var stored = await app.ReadAsync(db => db.Obligations.SingleAsync(o => o.Id == duty.Id));
        Assert.Equal(false, stored.WasLate);

        var link = $"/Incidents/{id}/Evidence/{stored.EvidenceFileId}";
        Assert.Contains($"href=\"{link}\"", page);
        var download = await lead.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal(receipt, await download.Content.ReadAsByteArrayAsync());

        // The same evidence under another incident's address is not there.
        Assert.Equal(HttpStatusCode.NotFound, (await lead.GetAsync($"/Incidents/{PagesApp.HongKong2019}/Evidence/{stored.EvidenceFileId}")).StatusCode);
    }

    [Fact]
    public async Task Evidence_over_ten_MiB_is_refused_with_a_message_and_nothing_is_filed()
    {
        var id = await app.LogIncidentAsync();
        var duty = await app.CurrentAsync(id, "eu-gdpr-art33");
        var lead = await app.SignedInAsync(PagesApp.Lead);

        var response = await lead.PostMultipartAsync($"/Incidents/{id}", $"/Incidents/{id}/Obligations/{duty.Id}/Fulfilment",
            [("Form.FiledAt.Local", "2026-11-21T15:30"), ("Form.Zone", "Europe/Dublin"), ("Form.Reference", "DPC-1")],
            ("Evidence", "scan.pdf", "application/pdf", new byte[EvidenceFile.MaxBytes + 1]));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Evidence file is larger than 10 MiB", Html.Text(await response.Content.ReadAsStringAsync()));
        Assert.Equal(ObligationStatus.Open, (await app.ReadAsync(db => db.Obligations.SingleAsync(o => o.Id == duty.Id))).Status);
    }

    [Fact]
    public async Task A_timeline_event_is_added_in_the_chosen_zone()
    {
        var id = await app.LogIncidentAsync();
        var legal = await app.SignedInAsync(PagesApp.Legal);

        var added = await legal.PostAsync($"/Incidents/{id}", $"/Incidents/{id}?handler=Event",
            ("Event.At.Local", "2026-11-20T11:15"), ("Event.Zone", "Europe/Dublin"), ("Event.Description", "Mailbox password reset; sessions revoked."));
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);

        var timeline = Html.Text(Html.Element(await legal.HtmlAsync($"/Incidents/{id}"), "timeline"));
        Assert.Contains("Fri 20 Nov 2026 06:15 UTC-05:00 : Mailbox password reset; sessions revoked. (legal@demo.example)", timeline);
    }
}
