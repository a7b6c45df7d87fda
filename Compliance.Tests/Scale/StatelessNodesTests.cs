using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Compliance.Domain.Notices;
using Compliance.Domain.Persistence;
using Compliance.Domain.Reminders;
using Compliance.Jobs.Notices;
using Compliance.Jobs.Reminders;
using Compliance.Tests.Notices;
using Compliance.Tests.Pages.Support;
using Compliance.Tests.Support;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Xunit.Abstractions;

namespace Compliance.Tests.Scale;

// Issue 17: several web nodes and workers on one PostgreSQL database. A person signs in on one web node and works on
// the other, a form's token from one is good on the other, and an upload made on one is mapped and imported on the
// other. Then a campaign and reminders run across two workers, the one sending the campaign is killed part-way, and
// every supporter still has exactly one notice at the server and every reminder due went out once.
public sealed partial class StatelessNodesTests(ITestOutputHelper output)
{
    private const int People = 3_000;

    [PostgresFact]
    public async Task A_person_works_across_two_web_nodes_and_a_campaign_survives_losing_one_of_two_workers()
    {
        var watch = Stopwatch.StartNew();
        using var federation = await Federation.StartAsync(output.WriteLine);
        output.WriteLine($"two web nodes and two workers up in {watch.Elapsed.TotalSeconds:0.0} s");
        try
        {
            await WorkAcrossWebNodesAsync(federation);
            output.WriteLine($"signed in on A, worked on B, imported {People:N0} people: {watch.Elapsed.TotalSeconds:0.0} s");
            await CampaignAcrossWorkersAsync(federation);
            output.WriteLine($"campaign and reminders done: {watch.Elapsed.TotalSeconds:0.0} s");
        }
        finally
        {
            lock (federation.Log) output.WriteLine(string.Join("\n", federation.Log.TakeLast(30)));
        }
    }

    private static async Task WorkAcrossWebNodesAsync(Federation federation)
    {
        var cookies = new CookieContainer(); // one browser; the two nodes behind one address, as a load balancer would show them
        using var a = new FormClient(federation.Web[0].Address, cookies);
        using var b = new FormClient(federation.Web[1].Address, cookies);
        await a.SignInAsync(Federation.Lead, federation.Passwords[Federation.Lead]);

        Assert.Contains("INC-2019-001", await b.HtmlAsync("/"));   // the session made on A is good on B

        // A form from A, posted to B; then an edit from B, posted to A.
        var created = await b.PostWithTokenAsync("/Incidents/New", await a.TokenAsync("/Incidents/New"),
            new IncidentPost(Title: "Volunteer laptop stolen in Dublin").Fields());
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var incident = created.Headers.Location!.OriginalString;
        Assert.Contains("Volunteer laptop stolen in Dublin", await a.HtmlAsync(incident));
        var version = int.Parse(Html.InputValue(await b.HtmlAsync($"{incident}/Edit"), "Form.Version"), CultureInfo.InvariantCulture);
        var edited = await a.PostWithTokenAsync($"{incident}/Edit", await b.TokenAsync($"{incident}/Edit"),
            new IncidentPost(Title: "Volunteer laptop and backup disk stolen in Dublin", Version: version).Fields());
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        Assert.Contains("Volunteer laptop and backup disk stolen in Dublin", await b.HtmlAsync(incident));

        // Uploaded on A, mapped and imported on B.
        var import = $"/Incidents/{federation.HongKong}/People/Import";
        var uploaded = await a.PostMultipartAsync(import, import + "?handler=Upload", [],
            ("Csv", "supporters.csv", "text/csv", Encoding.UTF8.GetBytes(CampaignWorld.People(People))));
        Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        var mapping = uploaded.Headers.Location!.OriginalString;
        Assert.Contains("person0@example.hk", await b.HtmlAsync(mapping));   // B shows the preview of A's upload
        (string, string)[] map = [("Upload", mapping.Split("upload=")[1]), ("Map[Name]", "Name"), ("Map[Jurisdiction]", "Country"),
            ("Map[Email]", "Email"), ("Map[Language]", "Language")];
        var imported = await b.PostAsync(mapping, mapping + "&handler=Import", map);
        Assert.Equal(HttpStatusCode.Redirect, imported.StatusCode);

        await using var ctx = ComplianceDatabase.CreateContext(federation.Db);
        Assert.Equal(People, await ctx.AffectedPeople.CountAsync(p => p.IncidentId == federation.HongKong));
        Assert.Equal(0, await ctx.PendingUploads.CountAsync());   // imported, so gone
        Assert.All(federation.Web, node => Assert.False(Directory.Exists(Path.Combine(node.Folder, "data", "uploads"))));
    }

    private async Task CampaignAcrossWorkersAsync(Federation federation)
    {
        var world = CampaignWorld.Over(federation.Db, federation.Protector, federation.HongKong, SystemClock.Instance);
        var campaignId = await world.ApprovedCampaignAsync();
        var lease = CampaignSender.LeaseName(campaignId);
        var sink = federation.Sink;

        // A fifth of the way through, the worker sending the campaign is killed: no shutdown, connections cut.
        var watch = Stopwatch.StartNew();
        while (NoticeFiles(sink) < People / 5 && watch.Elapsed < TimeSpan.FromSeconds(30)) await Task.Delay(10);
        Process? sender;
        while ((sender = await federation.HolderOfAsync(lease)) is null && watch.Elapsed < TimeSpan.FromSeconds(30)) await Task.Delay(10);
        Assert.NotNull(sender);   // a worker was seen sending the campaign
        sender.Kill(entireProcessTree: true);
        await sender.WaitForExitAsync();
        var atKill = await world.StatesAsync(campaignId);
        output.WriteLine($"killed worker {sender.Id} at {NoticeFiles(sink)} messages, {watch.Elapsed.TotalSeconds:0.0} s after approval; " +
                         string.Join(", ", atKill.Select(s => $"{s.Key} {s.Value}")));
        Assert.True(atKill.GetValueOrDefault(RecipientState.Queued) > 0, "the campaign had finished before the kill: nothing was tested");

        // The other worker takes the campaign over once the dead one's lease runs out.
        await WaitForAsync(() => CompletedAsync(world, campaignId), TimeSpan.FromSeconds(60), "the surviving worker did not finish the campaign");
        Assert.True(await SweepWatch.ReleasedAsync(federation.Db, lease, TimeSpan.FromSeconds(30)), "the surviving worker kept the campaign");

        // Messages handed to the server in the instant of the kill are unconfirmed; those the server does not have
        // are resent (the operator's step after a crash), with the same Message-IDs, by the surviving worker.
        List<string> expected, unconfirmed;
        await using (var ctx = world.Open())
        {
            expected = await ctx.CampaignRecipients.Where(r => r.CampaignId == campaignId).Select(r => r.MessageId!).ToListAsync();
            unconfirmed = [.. (await world.Campaigns(ctx).Unconfirmed.GetAsync(CampaignWorld.Legal, new(world.Incident, campaignId))).Value!];
        }
        var atServer = NoticesAtServer(sink);
        var missing = expected.Where(id => !atServer.ContainsKey(id)).ToList();
        output.WriteLine($"after the take-over: {unconfirmed.Count} unconfirmed, {missing.Count} not at the server");
        Assert.Subset(unconfirmed.ToHashSet(), missing.ToHashSet());   // a confirmed message is at the server
        if (missing.Count > 0)
        {
            await using (var ctx = world.Open())
                Assert.Equal(missing.Count, (await world.Campaigns(ctx).Resend.HandleAsync(CampaignWorld.Legal, new(world.Incident, campaignId, missing))).Value);
            await WaitForAsync(async () => await CompletedAsync(world, campaignId) && await SweepWatch.ReleasedAsync(federation.Db, lease, TimeSpan.Zero),
                TimeSpan.FromSeconds(30), "the resend did not go out");
        }
        await WaitForAsync(async () => await RemindersSentAsync(federation) == Federation.RemindersDue, TimeSpan.FromSeconds(30), "reminders are missing");
        // One whole sweep more, to catch a reminder sent twice.
        Assert.True(await SweepWatch.RunsAfterAsync(federation.Db, ReminderSweepJob.Id, runs: 2, TimeSpan.FromSeconds(30)), "the worker stopped sweeping");
        List<string> sent; // read before the server's messages: a reminder marked sent was accepted by the server before
        await using (var read = ComplianceDatabase.CreateContext(federation.Db))
            sent = await read.Reminders.Where(r => r.State == ReminderState.Sent).Select(r => r.Key).ToListAsync();
        await sink.SettledAsync();

        var notices = NoticesAtServer(sink);
        Assert.Equal(People, notices.Count);                                  // nobody lost
        Assert.All(notices, n => Assert.Equal(1, n.Value));                   // nobody twice
        var recipients = sink.Received().Where(IsNotice).Select(m => Person().Match(m.Header("To") ?? "").Value).ToList();
        Assert.Equal(People, recipients.Distinct().Count(r => r.Length > 0));
        Assert.Equal(People, recipients.Count);
        Assert.Equal(People, (await world.StatesAsync(campaignId)).GetValueOrDefault(RecipientState.Sent));

        var reminders = sink.Received().Select(m => m.Header("X-Compliance-Reminder")).Where(r => r is not null).GroupBy(r => r!.Trim()).ToList();
        Assert.All(reminders, r => Assert.Single(r));                         // each reminder once
        Assert.Subset(reminders.Select(r => r.Key).ToHashSet(), sent.ToHashSet()); // what is marked sent is at the server
    }

    private static async Task WaitForAsync(Func<Task<bool>> done, TimeSpan timeout, string failure)
    {
        var watch = Stopwatch.StartNew();
        while (!await done())
        {
            Assert.True(watch.Elapsed < timeout, failure);
            await Task.Delay(200);
        }
    }

    private static async Task<bool> CompletedAsync(CampaignWorld world, Guid campaignId)
    {
        await using var ctx = world.Open();
        return await ctx.Campaigns.AnyAsync(c => c.Id == campaignId && c.State == CampaignState.Completed);
    }

    private static async Task<int> RemindersSentAsync(Federation federation)
    {
        await using var ctx = ComplianceDatabase.CreateContext(federation.Db);
        var haki = await ctx.Organisations.Where(o => o.Name == "Haki Network").Select(o => o.Id).SingleAsync();
        return await ctx.Reminders.CountAsync(r => r.OrganisationId == haki && r.State == ReminderState.Sent);
    }

    private static int NoticeFiles(SmtpSink sink) => Directory.GetFiles(sink.Folder).Length; // a cheap progress gauge (reminders included)

    private static bool IsNotice(ReceivedMessage m) => m.MessageId.StartsWith("<notice.", StringComparison.Ordinal);

    private static Dictionary<string, int> NoticesAtServer(SmtpSink sink) =>
        sink.Received().Where(IsNotice).GroupBy(m => m.MessageId).ToDictionary(g => g.Key, g => g.Count());

    [GeneratedRegex(@"person\d+@example\.hk")]
    private static partial Regex Person();
}
