using System.Net;
using Compliance.Domain.Obligations;
using Compliance.Tests.Pages.Support;
using Microsoft.EntityFrameworkCore;

using Compliance.Tests.Pages;

namespace Compliance.Tests.Shared;

// Buttons a role may not use are not shown, and the server refuses the request anyway.
public sealed class PermissionTests(PagesApp app) : IClassFixture<PagesApp>
{
    private static readonly string HongKong = $"/Incidents/{PagesApp.HongKong2019}";

    [Fact]
    public async Task A_viewer_sees_no_buttons_and_the_server_refuses_their_requests()
    {
        var pcpd = await app.CurrentAsync(PagesApp.HongKong2019, "hk-pdpo-pcpd");
        var viewer = await app.SignedInAsync(PagesApp.Viewer);

        var page = await viewer.HtmlAsync(HongKong);
        Assert.Contains("Office of the Privacy Commissioner for Personal Data (PCPD)", page);
        foreach (var hidden in new[] { "id=\"edit-incident\"", "?handler=Status", "decision-form", "fulfilment-form", "id=\"event-form\"" })
            Assert.DoesNotContain(hidden, page);
        Assert.DoesNotContain("id=\"new-incident\"", await viewer.HtmlAsync("/Incidents"));
        Assert.DoesNotContain("id=\"export-csv\"", await viewer.HtmlAsync($"{HongKong}/Audit"));

        // A viewer has no such forms; the sign-in page gives them a valid token of their own, which is not a permission.
        foreach (var (action, fields) in new (string, (string, string)[])[]
                 {
                     ($"{HongKong}/Obligations/{pcpd.Id}/Decision", [("Rationale", "A viewer should not be able to decide this.")]),
                     ($"{HongKong}?handler=Status", [("NewStatus", "contained")]),
                     ($"{HongKong}?handler=Event", [("Event.At.Local", "2026-11-20T10:00"), ("Event.Zone", "UTC"), ("Event.Description", "x")]),
                     ($"{HongKong}/Audit?handler=Csv", []),
                     ("/Incidents/New", new IncidentPost().Fields()),
                 })
        {
            var response = await viewer.PostAsync("/Account/Login", action, fields);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.AbsolutePath == "/Account/Denied",
                $"POST {action} answered {(int)response.StatusCode} {response.Headers.Location}");
        }
        Assert.Equal("/Account/Denied", (await viewer.GetAsync("/Incidents/New")).Headers.Location!.AbsolutePath);
        Assert.Equal("/Account/Denied", (await viewer.GetAsync($"{HongKong}/Edit")).Headers.Location!.AbsolutePath);
        Assert.Equal(ObligationStatus.Open, (await app.ReadAsync(db => db.Obligations.SingleAsync(o => o.Id == pcpd.Id))).Status);
    }

    [Fact]
    public async Task Legal_decides_and_files_but_does_not_edit_the_facts()
    {
        var legal = await app.SignedInAsync(PagesApp.Legal);
        var page = await legal.HtmlAsync(HongKong);

        Assert.Contains("decision-form", page);
        Assert.Contains("fulfilment-form", page);
        Assert.Contains("id=\"event-form\"", page);
        Assert.DoesNotContain("id=\"edit-incident\"", page);
        Assert.DoesNotContain("?handler=Status", page);
        Assert.Equal("/Account/Denied", (await legal.GetAsync($"{HongKong}/Edit")).Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task A_responder_sees_only_the_incident_they_were_invited_to()
    {
        var responder = await app.SignedInAsync(PagesApp.Responder);

        var list = await responder.HtmlAsync("/Incidents");
        Assert.Contains("INC-2019-001", list);
        Assert.DoesNotContain("INC-2022-001", list);
        Assert.Equal(HttpStatusCode.NotFound, (await responder.GetAsync($"/Incidents/{PagesApp.Canada2022}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await responder.GetAsync($"/Incidents/{PagesApp.Canada2022}/Audit")).StatusCode);
        var page = await responder.HtmlAsync(HongKong);
        Assert.Contains("id=\"event-form\"", page);
        Assert.DoesNotContain("decision-form", page);
    }
}
