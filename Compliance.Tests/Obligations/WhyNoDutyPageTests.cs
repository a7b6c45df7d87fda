using Compliance.Tests.Pages.Support;
using Compliance.Tests.Pages;

namespace Compliance.Tests.Obligations;

// The incident page says, beside the duties, why no duty arises where people are affected (issue 13).
public sealed class WhyNoDutyPageTests(PagesApp app) : IClassFixture<PagesApp>
{
    [Fact]
    public async Task The_Canada_2022_incident_explains_why_no_Canadian_regulator_is_owed_a_notice_as_entered()
    {
        var lead = await app.SignedInAsync(PagesApp.Lead);
        var html = await lead.HtmlAsync($"/Incidents/{PagesApp.Canada2022}");

        var section = Html.Element(html, "why-no-duty");
        var text = Html.Text(section);
        Assert.Contains("Why no duty here?", text);
        // PIPEDA: no commercial activity ticked, and the risk recorded is below a real risk of significant harm.
        Assert.Contains("Sells, barters or leases personal information such as donor lists", text);
        Assert.Contains("/Admin/Organisation#attr-commercial-activity", section);
        Assert.Contains($"/Incidents/{PagesApp.Canada2022}/Edit#riskLevel", section);
        // Quebec's Law 25 applies (every incident goes in the register), and its notices wait for a high risk.
        Assert.Contains("CA-QC", text);
        Assert.Contains("the entry in the breach register", text);
        Assert.Contains("the notice to the affected people do not arise", text);
        Assert.Contains("class=\"why-duty\"", section); // the register links to its duty on the page
    }

    [Fact]
    public async Task A_viewer_reads_the_reasons_without_links_to_change_the_facts()
    {
        var viewer = await app.SignedInAsync(PagesApp.Viewer);
        var section = Html.Element(await viewer.HtmlAsync($"/Incidents/{PagesApp.Canada2022}"), "why-no-duty");

        Assert.Contains("commercial activity", Html.Text(section));
        Assert.DoesNotContain("why-change", section);
    }
}
