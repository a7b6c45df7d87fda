using System.Net;
using Compliance.Domain.Obligations;
using Compliance.Tests.Pages.Support;
using Microsoft.EntityFrameworkCore;
using NodaTime.Text;
using Compliance.Tests.Pages;

namespace Compliance.Tests.Incidents;

public sealed class IncidentFormTests(PagesApp app) : IClassFixture<PagesApp>
{
    private static Guid IncidentIdFrom(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith("/Incidents/", location);
        return Guid.Parse(location["/Incidents/".Length..]);
    }

    private async Task<HttpResponseMessage> CreateAsync(IncidentPost post)
    {
        var lead = await app.SignedInAsync(PagesApp.Lead);
        return await lead.PostAsync("/Incidents/New", "/Incidents/New", post.Fields());
    }

    [Fact]
    public async Task An_incident_logged_through_the_form_gets_its_duties_in_both_zones()
    {
        var id = IncidentIdFrom(await CreateAsync(new IncidentPost()));

        var lead = await app.SignedInAsync(PagesApp.Lead);
        var page = await lead.HtmlAsync($"/Incidents/{id}");
        var art33 = Html.Text(Html.Element(page, await DutyIdAsync(id, "eu-gdpr-art33")));
        Assert.Contains("Regulator in IE", art33);
        Assert.Contains("Data Protection Commission", art33);
        // 72 hours from 10:00 in Dublin (UTC+00:00 in November), shown in the lead's zone (the organisation's, Toronto) and Dublin's.
        Assert.Contains("Mon 23 Nov 2026 05:00 UTC-05:00 America/Toronto", art33);
        Assert.Contains("Mon 23 Nov 2026 10:00 UTC+00:00 Europe/Dublin", art33);
        Assert.Contains("data-deadline=\"2026-11-23T10:00:00Z\"", Html.Element(page, await DutyIdAsync(id, "eu-gdpr-art33")));
        Assert.Contains("1d 2h 00m left", art33);
    }

    [Fact]
    public async Task A_jurisdiction_the_catalogue_has_no_rules_for_is_named_on_the_incident_page()
    {
        var id = IncidentIdFrom(await CreateAsync(new IncidentPost(Jurisdiction: "AQ", Count: "12")));
        var lead = await app.SignedInAsync(PagesApp.Lead);
        var warning = Html.Text(Html.Element(await lead.HtmlAsync($"/Incidents/{id}"), "no-rules"));
        Assert.Contains("no rules for AQ", warning);
        Assert.Contains("Ask counsel", warning);

        var covered = IncidentIdFrom(await CreateAsync(new IncidentPost()));
        Assert.DoesNotContain("id=\"no-rules\"", await lead.HtmlAsync($"/Incidents/{covered}"));
    }

    [Theory]
    [InlineData("9999-12-31T10:00", "outside the years 1970 to 2199")]
    [InlineData("1900-03-15T09:00", "outside the years 1970 to 2199")]
    [InlineData("2031-11-20T10:00", "is in the future")]
    [InlineData("2026-11-24T10:00", "is in the future")] // two days after the app's clock
    public async Task A_time_no_incident_can_have_is_refused_and_nothing_is_saved(string awareAt, string words)
    {
        var before = await app.ReadAsync(db => db.Incidents.CountAsync());
        var response = await CreateAsync(new IncidentPost(AwareAt: awareAt));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(words, await response.Content.ReadAsStringAsync());
        Assert.Equal(before, await app.ReadAsync(db => db.Incidents.CountAsync()));
    }

    [Fact]
    public async Task A_title_with_a_hidden_direction_override_is_refused()
    {
        var response = await CreateAsync(new IncidentPost(Title: "Supporters\u202Etxt.exe"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("direction override (U+202E)", Html.Text(Html.Element(await response.Content.ReadAsStringAsync(), "title-error")));
    }

    [Fact]
    public async Task Problems_are_named_next_to_their_fields_and_nothing_is_saved()
    {
        var before = await app.ReadAsync(db => db.Incidents.CountAsync());
        var response = await CreateAsync(new IncidentPost(Title: "", Jurisdiction: "Ireland", Count: "many"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Title must not be empty.", Html.Text(Html.Element(html, "title-error")));
        Assert.Contains("Row 1 jurisdiction 'IRELAND' is a name, not an ISO 3166 code: write IE", Html.Text(Html.Element(html, "affected-0-jurisdiction-error")));
        Assert.Contains("Row 1 count is required: a whole number of people.", Html.Text(Html.Element(html, "affected-0-count-error")));
        Assert.Contains("aria-describedby=\"title-error\"", html);
        Assert.Contains("value=\"many\"", html); // what was typed is shown back
        Assert.Equal(before, await app.ReadAsync(db => db.Incidents.CountAsync()));
    }

    [Fact]
    public async Task A_time_the_clocks_skipped_is_refused_and_the_gap_is_named()
    {
        var before = await app.ReadAsync(db => db.Incidents.CountAsync());
        var response = await CreateAsync(new IncidentPost(AwareAt: "2026-03-29T01:30"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var error = Html.Text(Html.Element(await response.Content.ReadAsStringAsync(), "awareAt-error"));
        Assert.Equal("Sun 29 Mar 2026 01:30 does not exist in Europe/Dublin: the clocks went forward from 01:00 to 02:00 " +
                     "(UTC+00:00 to UTC+01:00). Enter a time before 01:00 or from 02:00.", error);
        Assert.Equal(before, await app.ReadAsync(db => db.Incidents.CountAsync()));
    }

    [Fact]
    public async Task A_time_that_happened_twice_asks_which_one_and_keeps_the_choice()
    {
        var asked = await CreateAsync(new IncidentPost(AwareAt: "2026-10-25T01:30"));

        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        var html = await asked.Content.ReadAsStringAsync();
        Assert.Contains("happened twice in Europe/Dublin", Html.Text(Html.Element(html, "awareAt-error")));
        var choice = Html.Text(Html.Element(html, "awareAt-overlap"));
        Assert.Contains("earlier (UTC+01:00)", choice);
        Assert.Contains("later (UTC+00:00)", choice);

        var id = IncidentIdFrom(await CreateAsync(new IncidentPost(AwareAt: "2026-10-25T01:30", AwareChoice: "later")));
        var stored = await app.ReadAsync(db => db.Incidents.SingleAsync(i => i.Id == id));
        Assert.Equal(InstantPattern.ExtendedIso.Parse("2026-10-25T01:30:00Z").Value, stored.AwareAt);

        var lead = await app.SignedInAsync(PagesApp.Lead);
        Assert.Contains("Sun 25 Oct 2026 01:30 UTC+00:00 Europe/Dublin", Html.Text(await lead.HtmlAsync($"/Incidents/{id}")));
        var edit = await lead.HtmlAsync($"/Incidents/{id}/Edit");
        Assert.Matches("id=\"awareAt-later\"[^>]*checked", edit);
    }

    [Fact]
    public async Task Saving_over_someone_elses_change_is_refused_as_a_conflict()
    {
        var id = IncidentIdFrom(await CreateAsync(new IncidentPost()));
        var lead = await app.SignedInAsync(PagesApp.Lead);
        var version = int.Parse(Html.InputValue(await lead.HtmlAsync($"/Incidents/{id}/Edit"), "Form.Version"), System.Globalization.CultureInfo.InvariantCulture);

        var first = await lead.PostAsync($"/Incidents/{id}/Edit", $"/Incidents/{id}/Edit", new IncidentPost(Count: "9000", Version: version).Fields());
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var second = await lead.PostAsync($"/Incidents/{id}/Edit", $"/Incidents/{id}/Edit", new IncidentPost(Count: "9500", Version: version).Fields());

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var html = await second.Content.ReadAsStringAsync();
        Assert.Contains("Someone else changed this incident", Html.Text(Html.Element(html, "conflict")));
        Assert.Contains("value=\"9500\"", html);
        Assert.Equal(9000, await app.ReadAsync(db => db.AffectedPopulations.Where(a => a.IncidentId == id).Select(a => a.Count).SingleAsync()));
    }

    [Fact]
    public async Task Correcting_the_awareness_time_moves_the_deadline_and_keeps_the_old_one_in_the_history()
    {
        var id = IncidentIdFrom(await CreateAsync(new IncidentPost()));
        var lead = await app.SignedInAsync(PagesApp.Lead);

        var saved = await lead.PostAsync($"/Incidents/{id}/Edit", $"/Incidents/{id}/Edit", new IncidentPost(AwareAt: "2026-11-19T10:00", Version: 0).Fields());
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var history = Html.Text(Html.Element(await lead.HtmlAsync($"/Incidents/{id}"), "duty-history"));
        Assert.Contains("Regulator in IE: Data Protection Commission Mon 23 Nov 2026 05:00 UTC-05:00 Sun 22 Nov 2026 05:00 UTC-05:00", history);
        Assert.Contains("Became aware changed", history);
        var superseded = await app.ReadAsync(db => db.Obligations.CountAsync(o => o.IncidentId == id && o.Status == ObligationStatus.Superseded));
        Assert.Equal(1, superseded);
    }

    private Task<string> DutyIdAsync(Guid incidentId, string ruleId) => app.ReadAsync(async db =>
        "duty-" + await db.Obligations.Where(o => o.IncidentId == incidentId && o.RuleId == ruleId && o.Status != ObligationStatus.Superseded)
            .Select(o => o.Id).SingleAsync());
}
