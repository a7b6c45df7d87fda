using Compliance.Domain.Incidents;
using Compliance.Web.Features.Notices;
using System.Diagnostics;
using System.Globalization;
using Compliance.Domain.Notices;
using Compliance.Domain.People;
using Compliance.Domain.Persistence;
using Compliance.Domain.Rules.Engine;
using Compliance.Domain.Vocabulary;
using Compliance.Domain.Workspace;
using Compliance.Jobs.Mail;
using Compliance.Jobs.Mail.Smtp;
using Compliance.Jobs.Notices;
using Compliance.Jobs.Scheduling;
using Compliance.Jobs.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;

namespace Compliance.Bench;

/// <summary>
/// <c>bench notices --people N --smtp HOST:PORT [--connections K] [--database sqlite|postgres] [--connection CS] [--keep]</c>:
/// a whole notice campaign through the real code on a fresh database with the demo organisation. N fictional people are
/// written to CSV and imported (check, then import), a notice is written for the Hong Kong incident, legal prepares the
/// campaign and the security lead approves it, then the campaign sender sends it over K pooled MailKit connections. Prints
/// people imported and messages sent per second, where the sender's time went, the counts per state and peak memory.
/// Exit 0 when every message was sent, 1 when some were not.
/// </summary>
public static class NoticeBenchCommand
{
    public const string Usage = "usage: bench notices --people N --smtp HOST:PORT [--connections K] [--database sqlite|postgres] [--connection CS] [--keep]";
    private const string From = "notices@bench.invalid";
    internal const string LegalEmail = "legal@demo.example", LeadEmail = "lead@demo.example";

    private sealed record Settings(int People, string Host, int Port, int Connections, DatabaseProvider Provider, string? Server, bool Keep);

    public static async Task<int> RunAsync(string[] args, IClock clock, TextWriter stdout, TextWriter stderr)
    {
        if (Parse(args) is not { } settings)
        {
            await stderr.WriteLineAsync(Usage);
            return CommandLine.BadInput;
        }
        if (settings.Provider == DatabaseProvider.Postgres && settings.Server is null)
        {
            await stderr.WriteLineAsync($"error: --database postgres needs a server: give --connection or set {PostgresVariable}.");
            return CommandLine.BadInput;
        }

        await using var bench = await BenchDatabase.CreateAsync("notices", settings.Provider, settings.Server, settings.Keep);
        var database = bench.Configuration().Database;
        try
        {
            return await RunCampaignAsync(settings, database, bench.Folder, clock, stdout, stderr);
        }
        finally
        {
            if (settings.Keep) await stdout.WriteLineAsync($"  kept: {bench.Folder} and the database {ComplianceDatabase.Describe(database)}");
        }
    }

    private static async Task<int> RunCampaignAsync(Settings settings, DatabaseOptions database, string folder, IClock clock, TextWriter stdout, TextWriter stderr)
    {
        await ComplianceDatabase.MigrateAsync(database);
        await using (var db = ComplianceDatabase.CreateContext(database))
            await DemoSeeder.SeedAsync(db, clock);
        var protector = PeopleDataProtection.Open(Path.Combine(folder, "keys"));
        var (legal, lead, incidentId) = await NoticeBenchReads.DemoActorsAsync(database);
        var version = await NoticeBenchReads.ServerVersionAsync(database);
        await stdout.WriteLineAsync($"bench notices: {settings.People:N0} people, {settings.Connections} connection(s) to {settings.Host}:{settings.Port}, " +
            $"{Describe(settings.Provider)} {version}, {Environment.ProcessorCount} cores, .NET {Environment.Version}");

        // The import, as `people import` runs it: the check a person sees first, then the import (which checks again).
        var csv = Path.Combine(folder, "people.csv");
        await BenchPeople.WriteCsvAsync(csv, settings.People);
        var map = new ColumnMap("name", "jurisdiction", "email", "language", null, null, null);
        Stream Open() => File.OpenRead(csv);
        var clockwork = Stopwatch.StartNew();
        await using (var db = ComplianceDatabase.CreateContext(database))
        {
            var check = await new ImportPeople(db, protector, clock).CheckAsync(legal, new ImportPeople.Request(incidentId, Open, map));
            if (!check.IsOk) return Fail(stderr, $"the generated file did not pass the check: {string.Join("; ", check.Errors.SelectMany(e => e.Value.Select(m => $"{e.Key}: {m}")).Take(3))}");
        }
        var checkSeconds = clockwork.Elapsed.TotalSeconds;
        clockwork.Restart();
        await using (var db = ComplianceDatabase.CreateContext(database))
        {
            var import = await new ImportPeople(db, protector, clock).HandleAsync(legal, new ImportPeople.Request(incidentId, Open, map));
            if (!import.IsOk) return Fail(stderr, $"the import failed: {import.Status}");
        }
        var importSeconds = clockwork.Elapsed.TotalSeconds;
        await stdout.WriteLineAsync($"  import: check {PerSecond(settings.People, checkSeconds)} people/s ({F(checkSeconds)} s); " +
            $"import {PerSecond(settings.People, importSeconds)} people/s ({F(importSeconds)} s, it checks the file again, encrypts and writes); " +
            $"together {PerSecond(settings.People, checkSeconds + importSeconds)} people imported/s");

        await using var transport = new SmtpMailTransport(new SmtpTransportOptions
        {
            Host = settings.Host, Port = settings.Port, FromAddress = From, FromName = "Demo Rights Alliance", Connections = settings.Connections,
        }, clock);

        // The notice, the campaign prepared by legal and approved by the security lead, as the pages do it.
        clockwork.Restart();
        Guid campaignId;
        await using (var db = ComplianceDatabase.CreateContext(database))
        {
            var workspace = new IncidentAccess(db, clock);
            var saveDraft = new SaveNoticeDraft(db, workspace, clock);
            var draft = await saveDraft.HandleAsync(legal, new SaveNoticeDraft.Request(incidentId, NoticeBenchTexts.Notice));
            if (!draft.IsOk) return Fail(stderr, $"the notice draft was not saved: {draft.Status}");
            foreach (var (language, text) in NoticeBenchTexts.Translations)
                if (!(await saveDraft.HandleAsync(legal, new SaveNoticeDraft.Request(incidentId, language, text))).IsOk) return Fail(stderr, $"the {language} notice was not saved");
            var prepared = await new PrepareCampaign(db, workspace, NoticeTemplates.Default, clock)
                .HandleAsync(legal, new PrepareCampaign.Request(incidentId, "Benchmark notice", [], []));
            if (!prepared.IsOk) return Fail(stderr, $"the campaign was not prepared: {Problems(prepared)}");
            campaignId = prepared.Value!.Id;
            var approved = await new ApproveCampaign(db, new CampaignLookup(db, workspace), NoticeTemplates.Default,
                new CampaignTrigger(new ServiceCollection().BuildServiceProvider()), clock).HandleAsync(lead, new ApproveCampaign.Request(incidentId, campaignId));
            if (!approved.IsOk) return Fail(stderr, $"the campaign was not approved: {Problems(approved)}");
        }
        var recipients = await NoticeBenchReads.CountRecipientsAsync(database, campaignId);
        await stdout.WriteLineAsync($"  campaign: notice saved, {recipients:N0} recipients prepared by {LegalEmail} and approved by {LeadEmail} in {F(clockwork.Elapsed.TotalSeconds)} s");

        // The sender exactly as the recurring job runs it (its lease included), with what it is given timed from outside.
        var probes = new SendProbes();
        var probed = new DbContextOptionsBuilder<ComplianceDbContext>();
        ComplianceDatabase.Configure(probed, database);
        var probedOptions = probed.AddInterceptors(probes).Options;
        var capture = new MailCapture(transport, Path.Combine(folder, "nodemailer-messages.json"), From);
        var sender = new CampaignSender(() => new ComplianceDbContext(probedOptions), probes.Wrap(capture), probes.Wrap(protector),
            NoticeTemplates.Default, CampaignOptions.Unlimited,
            new MailOptions(From, settings.Host, settings.Port, false, null, null, settings.Connections, Path.Combine(folder, "pickup")),
            clock, new Leases(() => new ComplianceDbContext(probedOptions), clock, LeaseSettings.Default), NullLogger<CampaignSender>.Instance);
        clockwork.Restart();
        var pass = await sender.RunAsync();
        // Keeping the messages for nodemailer is the benchmark's own work, not the sender's: it is left out.
        var sendSeconds = clockwork.Elapsed.TotalSeconds - capture.Time.TotalSeconds;
        await stdout.WriteLineAsync($"  send: {pass.Sent:N0} messages in {F(sendSeconds)} s: {PerSecond(pass.Sent, sendSeconds)} messages/s; " +
            $"{pass.HandOffCommits:N0} hand-off commits ({(pass.HandOffCommits == 0 ? 0 : (double)pass.Sent / pass.HandOffCommits):0.0} messages each)");

        var renderMicroseconds = await NoticeBenchReads.RenderMicrosecondsAsync(database, campaignId, clock);
        var smtpSeconds = probes.Transport.TotalSeconds - capture.Time.TotalSeconds;
        var rest = sendSeconds - probes.Database.TotalSeconds - smtpSeconds - probes.Unprotect.TotalSeconds;
        await stdout.WriteLineAsync($"  where the send time went: database {F(probes.Database.TotalSeconds)} s (claims, reads, results); " +
            $"SMTP {F(smtpSeconds)} s (hand-off commits {F(pass.HandOffCommitTime.TotalSeconds)} s inside it, {(pass.HandOffCommits == 0 ? 0 : pass.HandOffCommitTime.TotalMicroseconds / pass.HandOffCommits):N0} µs each); " +
            $"decrypting {F(probes.Unprotect.TotalSeconds)} s ({Micro(probes.Unprotect, probes.Unprotects)} µs a person); " +
            $"rendering and the rest {F(rest)} s (a render alone: {renderMicroseconds:0} µs)");

        var states = await NoticeBenchReads.StatesAsync(database, campaignId);
        var sent = states.GetValueOrDefault((RecipientState.Sent, true));
        await stdout.WriteLineAsync("  states: " + string.Join(", ", Enum.GetValues<RecipientState>().Select(s =>
            $"{KebabName(s)} {states.Where(x => x.Key.State == s).Sum(x => x.Value):N0}" + (s == RecipientState.Sent ? $" ({sent:N0} confirmed)" : ""))));
        await stdout.WriteLineAsync($"  peak memory: {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024):N0} MB (peak working set of the process)");
        await stdout.WriteLineAsync($"  machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, " +
            $"{Describe(settings.Provider)} {version} ({ComplianceDatabase.Describe(database)})");
        await capture.DisposeAsync();
        await PeerAsync(settings, capture, pass.Sent / sendSeconds, stdout);
        if (sent == settings.People) return CommandLine.Ok;
        await stderr.WriteLineAsync($"{settings.People - sent:N0} of {settings.People:N0} messages were not sent.");
        return CommandLine.Failed;
    }

    // The same messages, through nodemailer's pooled transport, to the same server over as many connections. nodemailer
    // only sends (no database, no decryption, no rendering), so the ratio is the whole campaign against bare SMTP.
    private static async Task PeerAsync(Settings settings, MailCapture capture, double oursPerSecond, TextWriter stdout)
    {
        if (NodemailerPeer.Missing(null, out var node, out var folder) is { } missing)
        {
            await stdout.WriteLineAsync($"  nodemailer: not available ({missing})");
            return;
        }
        var peer = await NodemailerPeer.SendAsync(node, folder, settings.Host, settings.Port, settings.Connections, capture.Path, Math.Min(2_000, capture.Count));
        var rate = peer.Rate is { } r ? $"{r.ToString("N0", CultureInfo.InvariantCulture)} messages/s" : "failed";
        var ratio = peer.Rate is > 0 ? (oursPerSecond / peer.Rate.Value).ToString("0.00", CultureInfo.InvariantCulture) + "x" : "n/a";
        await stdout.WriteLineAsync($"  nodemailer pooled, the same {capture.Count:N0} messages to the same server over {settings.Connections} connection(s): {rate}" +
            $"{(peer.Note is null ? "" : $" ({peer.Note})")}; ours/nodemailer {ratio} (ours is the whole campaign, nodemailer only sends)");
    }

    public const string PostgresVariable = BenchDatabase.PostgresVariable;

    private static Settings? Parse(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        var keep = false;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--keep") keep = true;
            else if (args[i] is "--people" or "--smtp" or "--connections" or "--database" or "--connection" && i + 1 < args.Length)
                options[args[i][2..]] = args[++i];
            else return null;
        }
        if (!options.TryGetValue("people", out var p) || !int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var people) || people is < 1 or > 10_000_000)
            return null;
        if (!options.TryGetValue("smtp", out var smtp)) return null;
        var colon = smtp.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(smtp[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535) return null;
        var connections = 4;
        if (options.TryGetValue("connections", out var k)
            && (!int.TryParse(k, NumberStyles.None, CultureInfo.InvariantCulture, out connections) || connections is < 1 or > 256)) return null;
        if (BenchDatabase.Choose(options) is not var (provider, server)) return null;
        return new Settings(people, smtp[..colon].Trim('[', ']'), port, connections, provider, server, keep);
    }

    private static int Fail(TextWriter stderr, string message)
    {
        stderr.WriteLine($"bench notices: {message}");
        return CommandLine.Failed;
    }

    private static string Problems<T>(Outcome<T> outcome) =>
        outcome.Errors.Count > 0 ? string.Join("; ", outcome.Errors.SelectMany(e => e.Value.Select(m => $"{e.Key}: {m}"))) : outcome.Status.ToString();

    private static string Describe(DatabaseProvider provider) => provider == DatabaseProvider.Sqlite ? "SQLite" : "PostgreSQL";

    private static string KebabName(RecipientState state) => KebabCase<RecipientState>.ToId(state);

    private static string PerSecond(int count, double seconds) => (count / seconds).ToString("N0", CultureInfo.InvariantCulture);

    private static string Micro(TimeSpan total, long count) => count == 0 ? "0" : (total.TotalMicroseconds / count).ToString("0", CultureInfo.InvariantCulture);

    private static string F(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);
}
