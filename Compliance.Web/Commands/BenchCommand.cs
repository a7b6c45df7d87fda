using System.Collections.Frozen;
using System.Diagnostics;
using System.Globalization;
using Compliance.Domain.Rules.Assessment;
using Compliance.Domain.Rules.Engine;
using Compliance.Domain.Vocabulary;
using NodaTime;

namespace Compliance.Web.Commands;

/// <summary>
/// <c>bench assess</c>: one incident with people in 60 jurisdictions, assessed against the whole catalogue,
/// timed in batches after a warm-up. Prints the median and spread per assessment and the allocation.
/// </summary>
public static class BenchCommand
{
    public static readonly string[] SixtyJurisdictions =
    [
        "IE", "FR", "DE-BE", "DE-BY", "ES", "IT", "NL", "BE", "PL", "SE", "AT", "PT", "NO", "GB", "CH",
        "HK", "CA", "CA-QC", "CA-AB", "AU-NSW", "NZ", "SG", "JP", "KR", "BR", "IN", "ZA", "KE", "NG", "PH", "TH", "CN",
        "US-CA", "US-NY", "US-TX", "US-FL", "US-WA", "US-CO", "US-MA", "US-IL", "US-VT", "US-IA", "US-AL", "US-AZ", "US-CT",
        "US-DE", "US-GA", "US-IN", "US-MD", "US-NJ", "US-NM", "US-OR", "US-PA", "US-RI", "US-SD", "US-VA", "US-DC", "US-PR",
        "US-ME", "US-LA",
    ];

    public static IncidentFacts SixtyJurisdictionIncident() => new(
        new OrganisationProfile([JurisdictionCode.Parse("CA")], DateTimeZoneProviders.Tzdb["America/Toronto"],
            new[] { "commercial-activity", "au-turnover-over-3m" }.ToFrozenSet()),
        Instant.FromUtc(2026, 3, 27, 15, 0), Instant.FromUtc(2026, 3, 28, 9, 0), Instant.FromUtc(2026, 3, 30, 9, 0),
        new[] { DataCategory.Name, DataCategory.Email, DataCategory.NationalId, DataCategory.Health, DataCategory.PoliticalOpinion }.ToFrozenSet(),
        SixtyJurisdictions.Select((code, i) => new AffectedCount(JurisdictionCode.Parse(code), 100 + i * 97)).ToList(),
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
        var facts = SixtyJurisdictionIncident();

        var obligations = engine.Assess(facts).Count;
        for (var i = 0; i < 20_000; i++) engine.Assess(facts); // warm-up: JIT tiers, caches

        const int batch = 200;
        var samples = new List<double>();
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
        samples.Sort();
        string F(double v) => v.ToString("0.0", CultureInfo.InvariantCulture);
        stdout.WriteLine($"bench assess: {SixtyJurisdictions.Length} jurisdictions, {engine.Catalogue.Regimes.Count} regimes, {obligations} obligations per assessment");
        stdout.WriteLine($"  {operations:N0} assessments in {samples.Count} batches of {batch} over {F(clock.Elapsed.TotalSeconds)} s on {Environment.ProcessorCount} cores, .NET {Environment.Version}");
        stdout.WriteLine($"  per assessment: median {F(samples[samples.Count / 2])} µs, p10 {F(samples[samples.Count / 10])} µs, p90 {F(samples[samples.Count * 9 / 10])} µs, min {F(samples[0])} µs");
        stdout.WriteLine($"  allocated: {allocated / operations:N0} bytes per assessment");
        return Task.FromResult(CommandLine.Ok);
    }
}
