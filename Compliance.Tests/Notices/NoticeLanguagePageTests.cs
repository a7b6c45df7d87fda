using System.Net;
using Compliance.Tests.Pages.Support;
using Microsoft.EntityFrameworkCore;

namespace Compliance.Tests.Notices;

// Issue 13: the Notice page has a part per language its readers need and names the missing ones; the campaign form
// refuses a language without text; the campaign page shows who falls back to another language before anyone approves.
public sealed class NoticeLanguagePageTests(PagesApp app) : IClassFixture<PagesApp>
{
    private const string People = "Name,Email,Country,Language\nSiobhán Murphy,siobhan@example.ie,IE,en\nMarie Dubois,marie@example.ie,IE,fr\n" +
                                  "Luc Girard,luc@example.ie,IE,fr\n周慧敏,wai.man.chow@example.ca,CA-BC,zh-Hant\n";

    private static (string, string)[] French(string nature) =>
    [
        ("Language", "fr"), ("Draft[nature]", nature), ("Draft[period]", "novembre 2026"), ("Draft[consequences]", "vous pourriez recevoir des courriels d'hameçonnage"),
        ("Draft[measures]", "nous avons réinitialisé tous les mots de passe"), ("Draft[advice]", "ignorez les messages inattendus"), ("Draft[contact]", "dpo@demo.example"),
    ];

    [Fact]
    public async Task Each_language_is_written_in_its_own_part_and_no_campaign_is_prepared_while_one_is_missing()
    {
        var incident = await app.LogIncidentAsync();
        await app.ImportAsync(incident, People);
        await app.SaveNoticeAsync(incident); // English, as the form saved it before languages
        var legal = await app.SignedInAsync(PagesApp.Legal);
        var page = $"/Incidents/{incident}/Notices";

        var before = WebUtility.HtmlDecode(await legal.HtmlAsync(page));
        Assert.Equal("French (fr), for 2 people", Html.Text(Html.Element(before, "notice-missing-languages")).Split("in:")[1].Split("No campaign")[0].Trim());
        Assert.Contains("English (en): 2 people, written", Html.Text(Html.Element(before, "language-tab-en")));
        Assert.Contains("French (fr): 2 people, missing", Html.Text(Html.Element(before, "language-tab-fr")));
        Assert.Contains("1 person reads Chinese (Traditional) (zh-Hant) but will receive the notice in English (en)", Html.Text(Html.Element(before, "notice-fallbacks")));
        Assert.Contains("In French (fr)", Html.Text(Html.Element(before, "notice-form-heading"))); // the first missing language is open

        var campaigns = $"/Incidents/{incident}/Campaigns";
        var form = WebUtility.HtmlDecode(await legal.HtmlAsync(campaigns));
        Assert.Contains("French (fr), for 2 people: missing", Html.Text(Html.Element(form, "campaign-languages-needed")));
        Assert.Contains($"href=\"Notices?Language=fr\"", Html.Element(form, "campaign-languages-needed"));
        var refused = WebUtility.HtmlDecode(await (await legal.PostAsync(campaigns, campaigns + "?handler=Prepare", ("Name", "Everyone"))).Content.ReadAsStringAsync());
        Assert.Contains("The notice has no text in French (fr), the language of 2 people in this campaign: write it on the Notice page.",
            Html.Text(Html.Element(refused, "campaign-notice-error")));
        Assert.False(await app.ReadAsync(db => db.Campaigns.AnyAsync(c => c.IncidentId == incident)));

        var saved = WebUtility.HtmlDecode(await (await legal.PostAsync(page + "?Language=fr", page + "?handler=Save", French("Des intrus ont copié la base de données."))).Content.ReadAsStringAsync());
        Assert.Contains("Saved.", saved);
        Assert.DoesNotContain("notice-missing-languages", saved);
        Assert.Contains("French (fr): 2 people, written", Html.Text(Html.Element(saved, "language-tab-fr")));
        Assert.Contains("Bonjour Marie Dubois,", Html.Text(Html.Element(saved, "notice-text"))); // a French reader's preview
        Assert.Contains("Des intrus ont copié la base de données.", Html.Text(Html.Element(saved, "notice-text")));
        var english = WebUtility.HtmlDecode(await legal.HtmlAsync(page + "?Language=en"));
        Assert.Equal("Intruders copied the supporter database.", Html.Text(Html.Element(english, "draft-nature")));
        Assert.True(await app.ReadAsync(db => db.AuditEntries.AnyAsync(e => e.IncidentId == incident && e.Action == "notice.draft-saved" && e.Data.Contains("\"language\":\"fr\""))));

        var prepared = await legal.PostAsync(campaigns, campaigns + "?handler=Prepare", ("Name", "Everyone"));
        Assert.Equal(HttpStatusCode.Redirect, prepared.StatusCode);
    }

    [Fact]
    public async Task The_approver_sees_who_receives_the_notice_in_another_language_and_confirms_it()
    {
        var incident = await app.LogIncidentAsync();
        await app.ImportAsync(incident, People);
        await app.SaveNoticeAsync(incident);
        var legal = await app.SignedInAsync(PagesApp.Legal);
        var page = $"/Incidents/{incident}/Notices";
        await legal.PostAsync(page + "?Language=fr", page + "?handler=Save", French("Des intrus ont copié la base de données."));
        var campaigns = $"/Incidents/{incident}/Campaigns";
        var campaign = (await legal.PostAsync(campaigns, campaigns + "?handler=Prepare", ("Name", "Everyone"))).Headers.Location!.OriginalString;

        var lead = await app.SignedInAsync(PagesApp.Lead);
        var waiting = WebUtility.HtmlDecode(await lead.HtmlAsync(campaign));
        Assert.Contains("1 person reads Chinese (Traditional) (zh-Hant) but will receive the notice in English (en)", Html.Text(Html.Element(waiting, "campaign-fallbacks")));
        Assert.Contains("id=\"fallbacks-seen\"", waiting);

        var unseen = WebUtility.HtmlDecode(await (await lead.PostAsync(campaign, campaign + "?handler=Approve")).Content.ReadAsStringAsync());
        Assert.Contains("Confirm you have seen this to approve.", Html.Text(Html.Element(unseen, "campaign-errors")));
        Assert.False(await app.ReadAsync(db => db.AuditEntries.AnyAsync(e => e.IncidentId == incident && e.Action == "campaign.approved")));

        Assert.Equal(HttpStatusCode.Redirect, (await lead.PostAsync(campaign, campaign + "?handler=Approve", ("FallbacksSeen", "true"))).StatusCode);
        var approval = await app.ReadAsync(db => db.AuditEntries.SingleAsync(e => e.IncidentId == incident && e.Action == "campaign.approved"));
        Assert.Contains("\"languageFallbacksSeen\":[{\"readerLanguage\":\"zh-Hant\",\"templateLanguage\":\"en\",\"people\":1}]", approval.Data);
    }
}
