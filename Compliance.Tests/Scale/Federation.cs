using System.Diagnostics;
using Compliance.Domain.People;
using Compliance.Domain.Persistence;
using Compliance.Jobs.People;
using Compliance.Tests.Notices;
using Compliance.Tests.People;
using Compliance.Tests.Reminders;
using Compliance.Tests.Support;
using Compliance.Web.Commands;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Compliance.Tests.Scale;

/// <summary>
/// One PostgreSQL database under two web nodes and two workers, as a federation of sections would run them. What
/// they share is what the README says must be shared: the database, the certificate that encrypts the key ring kept
/// in it, and the audit key. Each web node runs in a folder of its own, so no data folder is shared. Seeded with the
/// demo organisation (its Hong Kong incident and a notice to its supporters, no supporters yet) and an organisation
/// whose reminders fell due while nothing ran.
/// </summary>
internal sealed class Federation : IDisposable
{
    public const int ReminderLeads = 10;
    public const int RemindersDue = ReminderLeads * 4; // half-way, 24 h, 4 h and 1 h before, for each lead
    public const string Lead = "lead@demo.example";

    private Federation(DatabaseOptions db, IPeopleDataProtector protector, IReadOnlyDictionary<string, string> passwords, Guid hongKong)
    {
        Db = db;
        Protector = protector;
        Passwords = passwords;
        HongKong = hongKong;
    }

    public DatabaseOptions Db { get; }
    public IPeopleDataProtector Protector { get; }
    public IReadOnlyDictionary<string, string> Passwords { get; }
    public Guid HongKong { get; }
    public SmtpSink Sink { get; } = new();
    public List<string> Log { get; } = [];
    public List<WebProcess> Web { get; } = [];
    public List<Process> Workers { get; } = [];

    /// <param name="say">Told how long each step took.</param>
    public static async Task<Federation> StartAsync(Action<string> say)
    {
        var watch = Stopwatch.StartNew();
        var db = await TestDatabases.CreateMigratedAsync(DatabaseProvider.Postgres);
        var certificate = TestCertificate.Write("federation");
        string[] keyRing = ["--DataProtection:KeyStore=Database", $"--DataProtection:Certificate={certificate}", $"--DataProtection:CertificatePassword={TestCertificate.Password}"];
        // The key ring is made once, before the nodes start (as the first node started alone would make it); nodes
        // started at the same moment on an empty ring could each make a key of their own.
        say($"database migrated: {watch.Elapsed.TotalSeconds:0.0} s");
        var protector = PeopleDataProtection.Open(new KeyRingOptions(KeyStore.Database, Path.GetTempPath(), certificate, TestCertificate.Password), db);

        IReadOnlyDictionary<string, string> passwords;
        Guid hongKong;
        await using (var ctx = ComplianceDatabase.CreateContext(db))
        {
            passwords = await DemoSeeder.SeedAsync(ctx, SystemClock.Instance);
            hongKong = await ctx.Incidents.Where(i => i.Reference == "INC-2019-001").Select(i => i.Id).SingleAsync();
            CampaignWorld.WriteNotice(ctx, hongKong, SystemClock.Instance);
            await ctx.SaveChangesAsync();
        }
        await WorkerProcessTests.AddOverdueIncidentAsync(db, ReminderLeads);

        say($"seeded: {watch.Elapsed.TotalSeconds:0.0} s");
        var federation = new Federation(db, protector, passwords, hongKong);
        // The web nodes schedule nothing (Scheduler:Enabled=false): the workers do the background work.
        for (var i = 0; i < 2; i++) federation.Web.Add(WebProcess.Start(db, federation.Log, [.. keyRing, "--Scheduler:Enabled=false"]));
        for (var i = 0; i < 2; i++)
            federation.Workers.Add(WorkerProcess.Start(db, federation.Sink.Port, CampaignWorld.From, federation.Log,
                [.. keyRing, "--Mail:Smtp:Connections=4", "--Notices:MessagesPerSecond=100000"]));
        try
        {
            await Task.WhenAll(federation.Web.Select(node => node.WaitUntilServingAsync(TimeSpan.FromSeconds(60))));
        }
        catch
        {
            federation.Dispose();
            throw;
        }
        return federation;
    }

    /// <summary>The worker whose process holds the lease, if one does (a holder is "machine/process id/run").</summary>
    public async Task<Process?> HolderOfAsync(string lease)
    {
        await using var ctx = ComplianceDatabase.CreateContext(Db);
        var holder = await ctx.JobLeases.Where(l => l.Name == lease).Select(l => l.Holder).SingleOrDefaultAsync();
        return holder?.Split('/') is [_, var pid, _] ? Workers.FirstOrDefault(w => w.Id.ToString() == pid) : null;
    }

    public void Dispose()
    {
        foreach (var node in Web) node.Dispose();
        foreach (var worker in Workers)
        {
            try
            {
                if (!worker.HasExited) worker.Kill(entireProcessTree: true);
                worker.WaitForExit(5000);
            }
            catch (InvalidOperationException) { }
            worker.Dispose();
        }
        Sink.Dispose();
    }
}
