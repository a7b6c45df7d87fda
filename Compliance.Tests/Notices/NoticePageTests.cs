using System.Net;
using System.Text;
using Compliance.Domain.People;
using Compliance.Domain.Persistence;
using Compliance.Domain.Vocabulary;
using Compliance.Domain.Workspace;
using Compliance.Jobs.Mail;
using Compliance.Tests.Pages.Support;
using Compliance.Web.Commands;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Compliance.Tests.Notices;

// Issue 7: write the notice, preview it for any person in their language with the law's checks, send yourself a test.
public sealed class NoticePageTests(PagesApp app) : IClassFixture<PagesApp>
{
    private async Task<(Guid Chan, Guid Activist)> PeopleAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ComplianceDbContext>();
        if (!await db.AffectedPeople.AnyAsync())
        {
            var legal = new Actor(Guid.NewGuid(), PagesApp.Legal, DemoSeeder.OrganisationId, Role.Legal);
            var csv = "Name,Email,Country,Language\n陳大文,tai.man.chan@example.hk,HK,zh-Hant\nActivist A,a.activist@example.hk,HK,en\n";
            await scope.ServiceProvider.GetRequiredService<ImportPeople>().HandleAsync(legal, new ImportPeople.Request(PagesApp.HongKong2019,
                () => new MemoryStream(Encoding.UTF8.GetBytes(csv)), new ColumnMap("Name", "Country", "Email", "Language")));
            var activist = await db.AffectedPeople.SingleAsync(p => p.Line == 3);
            await scope.ServiceProvider.GetRequiredService<SetPersonFlags>().HandleAsync(legal,
                new SetPersonFlags.Request(PagesApp.HongKong2019, activist.Id, true, null, "Causeway Bay"));
        }
        var ids = await db.AffectedPeople.OrderBy(p => p.Line).Select(p => p.Id).ToListAsync();
        return (ids[0], ids[1]);
    }

    private static (string, string)[] Draft(string nature) =>
    [
        ("Draft[nature]", nature), ("Draft[period]", "March 2019"), ("Draft[consequences]", "you could be contacted by strangers"),
        ("Draft[measures]", "we closed the access"), ("Draft[advice]", "ignore unexpected messages"), ("Draft[contact]", "dpo@demo.example"),
    ];

    [Fact]
    public async Task A_notice_is_previewed_in_the_persons_language_and_a_test_copy_goes_only_to_the_sender()
    {
        var (chan, _) = await PeopleAsync();
        var legal = await app.SignedInAsync(PagesApp.Legal);
        var page = $"/Incidents/{PagesApp.HongKong2019}/Notices";
        Assert.Equal(HttpStatusCode.OK, (await legal.PostAsync(page, page + "?handler=Save", Draft("Intruders copied the supporter database."))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await legal.PostAsync(page + "?Language=zh-Hant", page + "?handler=Save",
            [("Language", "zh-Hant"), .. Draft("入侵者複製了支持者資料庫。")])).StatusCode);

        var preview = WebUtility.HtmlDecode(await legal.HtmlAsync($"{page}?Person={chan}"));
        Assert.Contains("事件經過：入侵者複製了支持者資料庫。", preview);
        Assert.Contains("notice-ready", preview);

        var pickup = app.Services.GetRequiredService<MailOptions>().PickupFolder;
        var before = Directory.Exists(pickup) ? Directory.GetFiles(pickup).Length : 0;
        var sent = WebUtility.HtmlDecode(await (await legal.PostAsync($"{page}?Person={chan}", page + "?handler=Test", ("Person", chan.ToString()))).Content.ReadAsStringAsync());
        Assert.Contains($"A test copy went to {PagesApp.Legal}", sent);
        var mail = Directory.GetFiles(pickup).OrderBy(File.GetCreationTimeUtc).Skip(before).Select(File.ReadAllText).Single();
        Assert.Contains($"X-Receiver: {PagesApp.Legal}", mail);
        Assert.DoesNotContain("tai.man.chan@example.hk", mail.Split("\r\n\r\n")[0]);
    }

    [Fact]
    public async Task A_flagged_activist_is_never_ready_for_email_and_their_redactions_are_withheld()
    {
        var (_, activist) = await PeopleAsync();
        var legal = await app.SignedInAsync(PagesApp.Legal);
        var page = $"/Incidents/{PagesApp.HongKong2019}/Notices";
        await legal.PostAsync(page, page + "?handler=Save", Draft("Intruders copied records held at our Causeway Bay office."));

        var preview = WebUtility.HtmlDecode(await legal.HtmlAsync($"{page}?Person={activist}"));
        Assert.Contains("must not be emailed", preview);
        Assert.Contains("[withheld] office", preview);
        Assert.DoesNotContain("Causeway Bay office", preview.Split("notice-text")[1]);
    }
}
