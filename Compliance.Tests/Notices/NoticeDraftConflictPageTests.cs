using Compliance.Domain.People;
using Compliance.Tests.Pages.Support;
using Microsoft.EntityFrameworkCore;

namespace Compliance.Tests.Notices;

// Two people with the Notice page open: the second save does not silently overwrite the first.
public sealed class NoticeDraftConflictPageTests(PagesApp app) : IClassFixture<PagesApp>
{
    [Fact]
    public async Task A_save_from_a_form_loaded_before_someone_elses_save_is_refused_and_their_text_stays()
    {
        var incident = await app.LogIncidentAsync();
        var page = $"/Incidents/{incident}/Notices?Language=en";
        var legal = await app.SignedInAsync(PagesApp.Legal);
        var lead = await app.SignedInAsync(PagesApp.Lead);
        var legalVersion = Html.InputValue(await legal.HtmlAsync(page), "Version");
        var leadVersion = Html.InputValue(await lead.HtmlAsync(page), "Version");

        var first = await lead.PostAsync(page, page + "&handler=Save", ("Language", "en"), ("Version", leadVersion), ("Draft[nature]", "The lead's words."));
        Assert.Contains("Saved.", await first.Content.ReadAsStringAsync());
        var second = await legal.PostAsync(page, page + "&handler=Save", ("Language", "en"), ("Version", legalVersion), ("Draft[nature]", "Legal's words."));
        var refused = Html.Text(Html.Element(await second.Content.ReadAsStringAsync(), "notice-message"));

        Assert.Contains("saved by someone else since you read it", refused);
        var stored = await app.ReadAsync(db => db.NoticeDrafts.Where(d => d.IncidentId == incident).Select(d => d.Fields).SingleAsync());
        Assert.Equal("The lead's words.", NoticeTexts.Read(stored)["en"]["nature"]);
        var reloaded = await legal.PostAsync(page, page + "&handler=Save", ("Language", "en"), ("Version", Html.InputValue(await legal.HtmlAsync(page), "Version")),
            ("Draft[nature]", "Legal's words."));
        Assert.Contains("Saved.", await reloaded.Content.ReadAsStringAsync());
    }
}
