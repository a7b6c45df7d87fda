using Compliance.Domain.Obligations;
using Microsoft.EntityFrameworkCore;

namespace Compliance.Tests.Pages.Support;

/// <summary>Finding what the pages stored, to aim the next request and check the result.</summary>
public static class Duties
{
    public static Task<Obligation> CurrentAsync(this PagesApp app, Guid incidentId, string ruleId) => app.ReadAsync(db =>
        db.Obligations.AsNoTracking().SingleAsync(o => o.IncidentId == incidentId && o.RuleId == ruleId && o.Status != ObligationStatus.Superseded));

    /// <summary>Logs the standard Irish phishing incident through the form as the security lead; returns its id.</summary>
    public static async Task<Guid> LogIncidentAsync(this PagesApp app, IncidentPost? post = null)
    {
        var lead = await app.SignedInAsync(PagesApp.Lead);
        var response = await lead.PostAsync("/Incidents/New", "/Incidents/New", (post ?? new IncidentPost()).Fields());
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        return Guid.Parse(response.Headers.Location!.OriginalString["/Incidents/".Length..]);
    }
}
