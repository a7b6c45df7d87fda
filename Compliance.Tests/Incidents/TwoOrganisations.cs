using System.Text.Json;
using Compliance.Domain.Incidents;
using Compliance.Domain.Organisations;
using Compliance.Domain.Persistence;
using Compliance.Domain.Rules.Engine;
using Compliance.Domain.Vocabulary;
using Compliance.Domain.Workspace;
using Compliance.Tests.Support;

namespace Compliance.Tests.Incidents;

public sealed record TestOrganisation(Guid Id, Actor Admin, Actor Lead, Actor Legal, Actor Viewer);

/// <summary>Two organisations side by side, for proving that one never reaches the other's rows, and a Kenyan breach to log.</summary>
public static class TwoOrganisations
{
    public static readonly FixedClock Clock = FixedClock.At("2026-03-02T09:00:00Z");

    /// <summary>Kenya's regulator must be told (a mandatory duty), so closing waits for it.</summary>
    public const string KenyaBreach = """
        { "title": "Supporter database intrusion", "awareAt": "2026-03-01T10:00:00+03:00",
          "dataCategories": ["name", "national-id", "email"], "affected": [{ "jurisdiction": "KE", "count": 2400 }],
          "exfiltration": "confirmed", "encryption": "none", "cause": "external-attack", "riskLevel": "high",
          "riskRationale": "National ID numbers with names: identity theft and targeting of activists." }
        """;

    public static async Task<(DatabaseOptions Options, TestOrganisation Alpha, TestOrganisation Beta)> CreateAsync(DatabaseProvider provider,
        string zone = "Africa/Nairobi", string establishment = "KE")
    {
        var options = await TestDatabases.CreateMigratedAsync(provider);
        await using var db = ComplianceDatabase.CreateContext(options);
        TestOrganisation Make(string name)
        {
            var id = Guid.NewGuid();
            db.Organisations.Add(new Organisation(id, name, zone, [JurisdictionCode.Parse(establishment)], []));
            Actor A(Role r) => new(Guid.NewGuid(), $"{r}@{name}.example".ToLowerInvariant(), id, r);
            return new TestOrganisation(id, A(Role.Admin), A(Role.SecurityLead), A(Role.Legal), A(Role.Viewer));
        }
        var alpha = Make("Alpha");
        var beta = Make("Beta");
        await db.SaveChangesAsync();
        return (options, alpha, beta);
    }

    public static IncidentInput Input(string json = KenyaBreach) =>
        IncidentInput.Parse(JsonDocument.Parse(json).RootElement, "Africa/Nairobi").Input ?? throw new ArgumentException("The test's incident does not parse.");

    public static async Task<Incident> LogAsync(DatabaseOptions options, Actor lead)
    {
        await using var db = ComplianceDatabase.CreateContext(options);
        var created = await new CreateIncident(db, RulesEngine.Default, Clock).HandleAsync(lead, Input());
        return created.Value ?? throw new InvalidOperationException($"The incident was not logged: {created.Status}.");
    }
}
