using System.Text;
using Compliance.Domain.People;
using Compliance.Domain.Vocabulary;
using Compliance.Domain.Workspace;
using Compliance.Web.Commands;
using Microsoft.Extensions.DependencyInjection;

namespace Compliance.Tests.Pages.Support;

/// <summary>An incident's people and its notice, set up the way legal staff would: a CSV import, then the Notice page.</summary>
public static class AffectedPeople
{
    /// <summary>The six parts of the notice form; GDPR Art. 34(2) asks for nature, contact, consequences and measures.</summary>
    public static (string Name, string Value)[] Notice(string nature = "Intruders copied the supporter database.", string contact = "dpo@demo.example") =>
    [
        ("Draft[nature]", nature), ("Draft[period]", "November 2026"), ("Draft[consequences]", "you could receive convincing phishing emails"),
        ("Draft[measures]", "we reset every password"), ("Draft[advice]", "ignore unexpected messages"), ("Draft[contact]", contact),
    ];

    /// <summary>Imports "Name,Email,Country,Language" rows (header included) as legal staff.</summary>
    public static async Task ImportAsync(this PagesApp app, Guid incidentId, string csv)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var legal = new Actor(Guid.NewGuid(), PagesApp.Legal, DemoSeeder.OrganisationId, Role.Legal);
        var imported = await scope.ServiceProvider.GetRequiredService<ImportPeople>().HandleAsync(legal, new ImportPeople.Request(incidentId,
            () => new MemoryStream(Encoding.UTF8.GetBytes(csv)), new ColumnMap("Name", "Country", "Email", "Language")));
        Assert.True(imported.IsOk, string.Join(" ", imported.Errors.SelectMany(e => e.Value)));
    }

    /// <summary>Saves the notice on the incident's Notice page as legal staff.</summary>
    public static async Task SaveNoticeAsync(this PagesApp app, Guid incidentId, params (string Name, string Value)[] draft)
    {
        var legal = await app.SignedInAsync(PagesApp.Legal);
        var page = $"/Incidents/{incidentId}/Notices";
        var saved = await legal.PostAsync(page, page + "?handler=Save", draft.Length > 0 ? draft : Notice());
        Assert.Contains("Saved.", await saved.Content.ReadAsStringAsync());
    }
}
