using System.Collections.Frozen;
using System.Diagnostics;
using System.Globalization;
using Compliance.Domain.Rules.Assessment;
using Compliance.Domain.Rules.Catalogue;
using Compliance.Domain.Rules.Engine;
using Compliance.Domain.Vocabulary;
using NodaTime;

namespace Compliance.Bench;

/// <summary>
/// <c>bench assess</c>: one incident with people in every jurisdiction the catalogue names, assessed against the whole
/// catalogue, timed in batches after a warm-up. Prints the median and spread per assessment and the allocation.
/// </summary>
public static class BenchCommand
{
    /// <summary>Every territory code of every regime, so a new regime is in the benchmark as soon as it is in the catalogue.</summary>
    public static string[] EveryJurisdiction(RuleCatalogue catalogue) =>
        catalogue.Regimes.SelectMany(r => r.Territory).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();

    // The organisation is established in Canada and declares the attributes that open gated laws (PIPEDA, Alberta,
    // Malaysia, Australia's turnover), so the gates are evaluated and passed rather than short-circuiting the work.
    public static IncidentFacts EveryJurisdictionIncident(RuleCatalogue catalogue) => new(
        new OrganisationProfile([JurisdictionCode.Parse("CA")], DateTimeZoneProviders.Tzdb["America/Toronto"],
            new[] { "commercial-activity", "au-turnover-over-3m" }.ToFrozenSet()),
        Instant.FromUtc(2026, 3, 27, 15, 0), Instant.FromUtc(2026, 3, 28, 9, 0), Instant.FromUtc(2026, 3, 30, 9, 0),
        new[] { DataCategory.Name, DataCategory.Email, DataCategory.NationalId, DataCategory.Health, DataCategory.PoliticalOpinion }.ToFrozenSet(),
        EveryJurisdiction(catalogue).Select((code, i) => new AffectedCount(JurisdictionCode.Parse(code), 100 + i * 97)).ToList(),
        Exfiltration.Confirmed, Encryption.None, Cause.Ransomware, RiskLevel.High);

    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (args is not ["assess", ..])
        {
            stderr.WriteLine("usage: bench assess [--seconds N]");
            return Task.FromResult(CommandLine.BadInput);
        }
        var seconds = args.Length == 3 && args[1] == "--seconds" && int.TryParse(args[2], out var s) && s > 0 ? s : 5;
        var engine = RulesEngine.Default;
        var facts = EveryJurisdictionIncident(engine.Catalogue);

        var first = engine.Assess(facts);
        var obligations = first.Count;
        var regimes = first.Regimes.Select(r => r.RegimeId).Distinct().Count();
        for (var i = 0; i < 20_000; i++) engine.Assess(facts); // warm-up: JIT tiers, caches

        const int batch = 200;
        var samples = new List<double>();
        // Process CPU time next to wall time: on a machine shared with other builds the wall time includes waiting for a
        // core, the CPU time mostly does not (it does include the GC's threads).
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        long allocated = 0, operations = 0;
        while (clock.Elapsed.TotalSeconds < seconds)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            var start = Stopwatch.GetTimestamp();
            for (var i = 0; i < batch; i++) engine.Assess(facts);
            var elapsed = Stopwatch.GetElapsedTime(start);
            allocated += GC.GetAllocatedBytesForCurrentThread() - before;
            operations += batch;
            samples.Add(elapsed.TotalMicroseconds / batch);
        }
        var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMicroseconds / operations;
        samples.Sort();

        // The same incident with "why no duty here?" worked out too (as the API and assess do when they write "considered").
        var explained = new List<double>();
        long explainedBytes = 0, explainedOps = 0;
        var explainClock = Stopwatch.StartNew();
        while (explainClock.Elapsed.TotalSeconds < Math.Max(1, seconds / 5.0))
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            var start = Stopwatch.GetTimestamp();
            for (var i = 0; i < batch; i++) _ = engine.Assess(facts).Considered;
            explained.Add(Stopwatch.GetElapsedTime(start).TotalMicroseconds / batch);
            explainedBytes += GC.GetAllocatedBytesForCurrentThread() - before;
            explainedOps += batch;
        }
        explained.Sort();
        string F(double v) => v.ToString("0.0", CultureInfo.InvariantCulture);
        stdout.WriteLine($"bench assess: {facts.Affected.Count} jurisdictions, {engine.Catalogue.Regimes.Count} regimes in the catalogue, {regimes} routed, {obligations} obligations per assessment");
        stdout.WriteLine($"  {operations:N0} assessments in {samples.Count} batches of {batch} over {F(clock.Elapsed.TotalSeconds)} s on {Environment.ProcessorCount} cores, .NET {Environment.Version}");
        stdout.WriteLine($"  per assessment: median {F(samples[samples.Count / 2])} µs, p10 {F(samples[samples.Count / 10])} µs, p90 {F(samples[samples.Count * 9 / 10])} µs, min {F(samples[0])} µs");
        stdout.WriteLine($"  process CPU time: {F(cpu)} µs per assessment");
        stdout.WriteLine($"  allocated: {allocated / operations:N0} bytes per assessment");
        stdout.WriteLine($"  with \"why no duty here?\" ({first.Considered.Count} regimes explained): median {F(explained[explained.Count / 2])} µs, p10 {F(explained[explained.Count / 10])} µs, {explainedBytes / explainedOps:N0} bytes per assessment");
        return Task.FromResult(CommandLine.Ok);
    }
}
