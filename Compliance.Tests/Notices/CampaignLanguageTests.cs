using Compliance.Domain.Incidents;
using Compliance.Domain.People;
using Compliance.Domain.Persistence;
using Compliance.Domain.Rules.Engine;
using Compliance.Domain.Workspace;
using Compliance.Jobs.Mail;
using Compliance.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Compliance.Tests.Notices;

// Issue 13: a campaign goes out only when every reader's language has its text, and whoever receives the notice in
// another language than their own is shown to the approver first; then each mail carries its reader's language.
public sealed class CampaignLanguageTests
{
    private const string Supporters = """
        Name,Email,Country,Language
        陳大文,tai.man.chan@example.hk,HK,zh-Hant
        Lee Wai Ling,wl.lee@example.hk,HK,en
        Marie Dubois,marie@example.fr,FR,fr
        Jeanne Martin,jeanne@example.fr,FR,fr
        周慧敏,wai.man.chow@example.ca,CA-BC,zh-Hant
        """;

    private static readonly Dictionary<string, string> French = new()
    {
        ["nature"] = "Un intrus a copié notre base de données de sympathisants.",
        ["period"] = "Du 1er mars au 15 avril 2019.",
        ["consequences"] = "Vos coordonnées pourraient servir à vous cibler.",
        ["measures"] = "Nous avons expulsé l'intrus et réinitialisé tous les identifiants.",
        ["advice"] = "Méfiez-vous des messages qui prétendent venir de nous.",
        ["contact"] = "privacy@amnesty-demo.example",
    };

    private static SaveNoticeDraft SaveDraft(CampaignWorld world, ComplianceDbContext ctx) =>
        new(ctx, new IncidentAccess(ctx, world.Clock), world.Clock);

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_campaign_waits_for_every_language_then_the_approver_sees_who_falls_back_and_each_mail_is_in_its_readers_language(DatabaseProvider provider)
    {
        var world = await CampaignWorld.CreateAsync(provider, Supporters);
        using var sink = new SmtpSink();
        await using var transport = CampaignWorld.Transport(sink.Port);
        Guid campaignId;
        await using (var ctx = world.Open())
        {
            var campaigns = world.Campaigns(ctx);
            var refused = await campaigns.Prepare.HandleAsync(CampaignWorld.Legal, new(world.Incident, "Everyone", [], []));
            Assert.Equal(OutcomeStatus.Invalid, refused.Status);
            Assert.Equal(["The notice has no text in French (fr), the language of 2 people in this campaign: write it on the Notice page."], refused.Errors["notice"]);
            Assert.Empty(ctx.Campaigns);

            // Only the French readers are missing: a campaign for Hong Kong alone may go ahead.
            Assert.True((await campaigns.Prepare.HandleAsync(CampaignWorld.Legal, new(world.Incident, "Hong Kong", ["HK"], []))).IsOk);
            Assert.True((await SaveDraft(world, ctx).HandleAsync(CampaignWorld.Legal, new(world.Incident, "fr", French))).IsOk);
            var prepared = await campaigns.Prepare.HandleAsync(CampaignWorld.Legal, new(world.Incident, "France and Canada", ["FR", "CA-BC"], []));
            Assert.True(prepared.IsOk, string.Join("; ", prepared.Errors.SelectMany(e => e.Value)));
            campaignId = prepared.Value!.Id;

            // 周慧敏 reads Traditional Chinese, but Canada's templates are in English and French only.
            var fallbacks = (await campaigns.Fallbacks.GetAsync(CampaignWorld.Lead, new(world.Incident, campaignId))).Value!;
            Assert.Equal([new NoticeLanguageNeeds.Fallback("zh-Hant", "en", 1)], fallbacks);
            var unseen = await campaigns.Approve.HandleAsync(CampaignWorld.Lead, new(world.Incident, campaignId));
            Assert.Equal(OutcomeStatus.Invalid, unseen.Status);
            Assert.StartsWith("1 person reads Chinese (Traditional) (zh-Hant) but will receive the notice in English (en)", unseen.Errors["fallbacks"][0]);
            Assert.True((await campaigns.Approve.HandleAsync(CampaignWorld.Lead, new(world.Incident, campaignId, FallbacksSeen: true))).IsOk);
            var approval = await ctx.AuditEntries.SingleAsync(e => e.Action == "campaign.approved");
            Assert.Contains("\"languageFallbacksSeen\":[{\"readerLanguage\":\"zh-Hant\",\"templateLanguage\":\"en\",\"people\":1}]", approval.Data);
        }

        Assert.Equal(3, (await world.Sender(transport).RunAsync()).Sent);
        var received = sink.Received();
        string Body(ReceivedMessage m) => string.Join("\n", m.Parts.Select(p => p.Body));
        var marie = received.Single(m => m.Header("To")!.Contains("marie@"));
        Assert.Equal("fr", marie.Header("Content-Language"));
        Assert.StartsWith("Bonjour Marie Dubois,", Body(marie).TrimStart());
        Assert.Contains(French["nature"], Body(marie));
        Assert.Contains("Nom, Numéro d'identification national, Adresse électronique", Body(marie));
        Assert.DoesNotContain(CampaignWorld.Draft["nature"], Body(marie));
        var chow = received.Single(m => m.Header("To")!.Contains("wai.man.chow"));
        Assert.Equal("en", chow.Header("Content-Language"));
        Assert.Contains(CampaignWorld.Draft["nature"], Body(chow));
        Assert.DoesNotContain(CampaignWorld.ChineseDraft["nature"], Body(chow));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_Chinese_reader_receives_Chinese_text_Chinese_data_labels_and_a_Chinese_greeting(DatabaseProvider provider)
    {
        var world = await CampaignWorld.CreateAsync(provider, Supporters);
        using var sink = new SmtpSink();
        await using var transport = CampaignWorld.Transport(sink.Port);
        await world.ApprovedCampaignAsync(new(world.Incident, "Hong Kong", ["HK"], []));
        Assert.Equal(2, (await world.Sender(transport).RunAsync()).Sent);

        var chan = sink.Received().Single(m => m.Header("To")!.Contains("tai.man.chan"));
        Assert.Equal("zh-Hant", chan.Header("Content-Language"));
        var text = chan.Parts[0].Body;
        Assert.StartsWith("陳大文您好：", text.TrimStart());
        Assert.Contains("事件經過：" + CampaignWorld.ChineseDraft["nature"], text);
        Assert.Contains("涉及的資料：姓名、身份證號碼、電郵地址、電話號碼、郵寄地址", text);
        Assert.DoesNotContain("Email address", text);
        Assert.DoesNotContain(CampaignWorld.Draft["nature"], text);
        Assert.Contains(CampaignWorld.ChineseDraft["nature"], chan.Parts[1].Body);
    }
}
