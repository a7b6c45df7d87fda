using Compliance.Tests.Support;
using Compliance.Domain.Incidents;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Compliance.Domain.Obligations;
using Compliance.Domain.Organisations;
using Compliance.Domain.Rules.Engine;
using Compliance.Domain.Vocabulary;
using Compliance.Domain.Workspace;
using Compliance.Tests.Filings.Support;
using Compliance.Tests.Pages.Support;
using Microsoft.EntityFrameworkCore;

namespace Compliance.Tests.Risk;

// Issue 13: a guided risk assessment instead of a bare dropdown; the person confirms or overrides the proposal with a
// rationale; the rules use the confirmed level; the rationale goes into the audit log and the filings.
public sealed class RiskPageTests(PagesApp app) : IClassFixture<PagesApp>
{
    private const string Rationale = "Members in Belarus are on this list; we tell every one of them.";

    private static (string, string)[] Answers(string level, string rationale, params (string, string)[] more) =>
    [
        ("Form.Identification", "maximum"), ("Form.Misuse", "no-sign"), ("Form.Consequences", "minor"),
        ("Form.ConfirmedLevel", level), ("Form.Rationale", rationale), .. more,
    ];

    [Fact]
    public async Task An_override_needs_a_rationale_then_moves_the_duties_is_audited_and_reaches_the_filing()
    {
        // Names and emails of 8,000 people in Ireland taken by a phisher: the assessment proposes "a risk".
        var id = await app.LogIncidentAsync(new IncidentPost(Title: "Phished mailbox, assessed", RiskLevel: "risk"));
        var lead = await app.SignedInAsync(PagesApp.Lead);
        var page = $"/Incidents/{id}/Risk";
        Assert.False(await HasDutyAsync(id, "eu-gdpr-art34"));

        var refused = await lead.PostAsync(page, page + "?handler=Confirm", Answers("high", ""));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("where the assessment proposes 'risk': say why", Html.Text(Html.Element(html, "rationale-error")));
        Assert.Contains("href=\"#rationale\"", Html.Element(html, "error-summary"));
        Assert.Contains("The assessment proposes: A risk to people", Html.Text(html));
        Assert.Equal(0, await app.ReadAsync(db => db.RiskAssessments.CountAsync(r => r.IncidentId == id)));
        Assert.Equal(RiskLevel.Risk, await app.ReadAsync(db => db.Incidents.Where(i => i.Id == id).Select(i => i.RiskLevel).SingleAsync()));

        var confirmed = await lead.PostAsync(page, page + "?handler=Confirm", Answers("high", Rationale));
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal(RiskLevel.High, await app.ReadAsync(db => db.Incidents.Where(i => i.Id == id).Select(i => i.RiskLevel).SingleAsync()));
        Assert.True(await HasDutyAsync(id, "eu-gdpr-art34")); // the rules read the confirmed level: the people must be told
        var audit = await app.ReadAsync(db => db.AuditEntries.Where(e => e.IncidentId == id && e.Action == "risk.overridden").Select(e => e.Data).SingleAsync());
        using (var data = JsonDocument.Parse(audit))
        {
            Assert.Equal(Rationale, data.RootElement.GetProperty("rationale").GetString());
            Assert.Equal("risk", data.RootElement.GetProperty("proposed").GetString());
            Assert.Equal("high", data.RootElement.GetProperty("after").GetString());
            Assert.Equal("minor", data.RootElement.GetProperty("answers").GetProperty("consequences").GetString());
            Assert.Contains(data.RootElement.GetProperty("reasons").EnumerateArray(), r => r.GetProperty("factor").GetString() == "Type of breach: confidentiality");
        }
        var summary = Html.Text(Html.Element(await lead.HtmlAsync($"/Incidents/{id}"), "risk-summary"));
        Assert.Contains("overridden by lead@demo.example", summary);

        // The regulator filing carries the level, the proposal's reasons and the rationale.
        var legal = await app.SignedInAsync(PagesApp.Legal);
        var filings = $"/Incidents/{id}/Filings/IE";
        Assert.Equal(HttpStatusCode.OK, (await legal.PostAsync(filings, filings + "?handler=Generate", ("Stage", "initial"))).StatusCode);
        var version = await app.ReadAsync(db => db.Filings.SingleAsync(f => f.IncidentId == id));
        var text = Regex.Replace(PdfTools.Text(version.Pdf), @"\s+", " ");
        Assert.Contains("Risk assessment", text);
        Assert.Contains("Likely to result in a risk to individuals", text); // what was proposed, beside the high risk confirmed
        Assert.Contains("Type of breach: confidentiality", text);
        Assert.Contains(Rationale, text);
        Assert.Contains("Confirmed by lead@demo.example", text);
    }

    [Fact]
    public async Task The_edit_form_shows_the_confirmed_level_and_links_to_the_assessment_and_saving_it_keeps_the_level()
    {
        var id = await app.LogIncidentAsync(new IncidentPost(Title: "Edited after the assessment", RiskLevel: "risk"));
        var lead = await app.SignedInAsync(PagesApp.Lead);
        var page = $"/Incidents/{id}/Risk";
        Assert.Equal(HttpStatusCode.Redirect, (await lead.PostAsync(page, page + "?handler=Confirm",
            Answers("high", "", ("Form.StateActor", "true"), ("Form.PoliticalExposure", "true")))).StatusCode);

        var edit = await lead.HtmlAsync($"/Incidents/{id}/Edit");
        Assert.DoesNotContain("<select id=\"riskLevel\"", edit);
        Assert.Contains("A high risk to people", Html.Text(Html.Element(edit, "riskLevel")));
        Assert.Contains($"/Incidents/{id}/Risk", Html.Element(edit, "riskLevel"));

        // Saving the form without the risk fields (as it now posts) leaves the confirmed level alone.
        var fields = new IncidentPost(Title: "Edited after the assessment, renamed", Version: 1).Fields()
            .Where(f => f.Name is not ("Form.RiskLevel" or "Form.RiskRationale")).ToArray();
        Assert.Equal(HttpStatusCode.Redirect, (await lead.PostAsync($"/Incidents/{id}/Edit", $"/Incidents/{id}/Edit", fields)).StatusCode);
        Assert.Equal(RiskLevel.High, await app.ReadAsync(db => db.Incidents.Where(i => i.Id == id).Select(i => i.RiskLevel).SingleAsync()));
    }

    [Fact]
    public async Task Legal_staff_read_the_assessment_but_may_not_confirm_it()
    {
        var id = await app.LogIncidentAsync(new IncidentPost(Title: "Read by legal"));
        var legal = await app.SignedInAsync(PagesApp.Legal);
        var page = $"/Incidents/{id}/Risk";
        Assert.Contains("Your role may read this assessment", await legal.HtmlAsync(page));
        var refused = await legal.PostAsync(page, page + "?handler=Confirm", Answers("high", Rationale));
        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode); // sent to the refusal page, not back to the incident
        Assert.DoesNotContain("risk-summary", refused.Headers.Location?.OriginalString ?? "");
        Assert.Equal(0, await app.ReadAsync(db => db.RiskAssessments.CountAsync(r => r.IncidentId == id)));
    }

    [Fact]
    public async Task Another_organisations_incident_is_not_found()
    {
        var other = await app.ReadAsync(async db =>
        {
            var beta = new Organisation(Guid.NewGuid(), "Beta Aid", "Europe/Dublin", [JurisdictionCode.Parse("IE")], []);
            db.Organisations.Add(beta);
            await db.SaveChangesAsync();
            var input = IncidentInput.Parse(JsonDocument.Parse("""
                { "title": "Beta donor list", "awareAt": "2026-11-20T10:00:00+00:00", "dataCategories": ["name"],
                  "affected": [{ "jurisdiction": "IE", "count": 10 }], "exfiltration": "suspected", "encryption": "none",
                  "cause": "misconfiguration", "riskLevel": "risk" }
                """).RootElement, "Europe/Dublin").Input!;
            var created = await new IncidentCommands(db, app.Clock)
                .CreateAsync(new Actor(Guid.NewGuid(), "seed@beta.example", beta.Id, Role.SecurityLead), input);
            return created.Value!.Id;
        });
        var lead = await app.SignedInAsync(PagesApp.Lead);
        var page = $"/Incidents/{other}/Risk";
        Assert.Equal(HttpStatusCode.NotFound, (await lead.GetAsync(page)).StatusCode);
        var posted = await lead.PostAsync($"/Incidents/{PagesApp.Canada2022}/Risk", page + "?handler=Confirm", Answers("high", Rationale));
        Assert.Equal(HttpStatusCode.NotFound, posted.StatusCode);
        Assert.Equal(0, await app.ReadAsync(db => db.RiskAssessments.CountAsync(r => r.IncidentId == other)));
    }

    private Task<bool> HasDutyAsync(Guid incidentId, string ruleId) =>
        app.ReadAsync(db => db.Obligations.AnyAsync(o => o.IncidentId == incidentId && o.RuleId == ruleId && o.Status != ObligationStatus.Superseded));
}
