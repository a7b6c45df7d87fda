using Compliance.Domain.Incidents;
using Compliance.Domain.Obligations;
using Compliance.Domain.Organisations;
using Compliance.Domain.Rules.Engine;
using Compliance.Domain.Rules.Explanations;

namespace Compliance.Web.Features.Obligations;

/// <summary>
/// "Why no duty here?" on the incident page: per jurisdiction with affected people, each regime the catalogue routes
/// there, applied (with links to its duties on the page) or not (with the reason and where to change the fact).
/// </summary>
public sealed class WhyNoDutyView(Guid incidentId, IReadOnlyList<WhyNoDutyView.Jurisdiction> jurisdictions, bool canEdit)
{
    public sealed record Jurisdiction(string Code, int Affected, IReadOnlyList<Entry> Regimes);

    public sealed record Entry(ConsideredRule Rule, IReadOnlyList<(Guid Id, string Label)> Duties, IReadOnlyList<(string Label, string Href)> Changes);

    public Guid IncidentId => incidentId;
    public IReadOnlyList<Jurisdiction> Jurisdictions => jurisdictions;
    public bool CanEdit => canEdit;

    /// <summary>
    /// What the rules engine decided for each regime, grouped by jurisdiction: the same for every reader of the same
    /// facts, so the incident page keeps it with the incident (<see cref="Incidents.IncidentDetails"/>) and only the
    /// "Change" links depend on who reads (<paramref name="canEdit"/> of the constructor).
    /// </summary>
    public static IReadOnlyList<Jurisdiction> Explain(Incident incident, Organisation organisation, RulesEngine engine, IReadOnlyList<Obligation> duties)
    {
        var assessment = engine.Assess(IncidentFactsFactory.From(incident, organisation));
        var affected = incident.Affected.Where(a => a.Count > 0).ToDictionary(a => a.Jurisdiction, a => a.Count, StringComparer.Ordinal);
        var groups = assessment.Considered
            .GroupBy(c => c.Jurisdiction, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new Jurisdiction(g.Key, affected.GetValueOrDefault(g.Key, AffectedUnder(g.Key, affected)),
                g.Select(c => new Entry(c,
                        duties.Where(d => d.Jurisdiction == c.Jurisdiction && c.DutyIds.Contains(d.RuleId))
                            .Select(d => (d.Id, $"{Labels.Of(d.Recipient)}: {d.Authority}")).ToList(),
                        c.Facts.Select(f => Change(f, incident.Id)).Distinct().ToList()))
                    .OrderBy(e => e.Rule.Applied ? 0 : 1).ThenBy(e => e.Rule.RegimeName, StringComparer.Ordinal).ToList()))
            .ToList();
        return groups;
    }

    // An establishment's authority answers for everyone (GDPR one-stop shop): its share is the whole incident.
    private static int AffectedUnder(string code, Dictionary<string, int> affected) =>
        affected.Where(a => a.Key == code || a.Key.StartsWith(code + "-", StringComparison.Ordinal)).Sum(a => a.Value) is var n and > 0 ? n : affected.Values.Sum();

    /// <summary>Where a person changes a fact named in <see cref="ConsideredRule.Facts"/>.</summary>
    public static (string Label, string Href) Change(string fact, Guid incidentId)
    {
        const string attribute = "organisation.attributes:";
        if (fact.StartsWith(attribute, StringComparison.Ordinal))
        {
            var id = fact[attribute.Length..];
            return ($"Organisation settings: {OrganisationAttributes.Known.GetValueOrDefault(id, id)}", $"/Admin/Organisation#attr-{id}");
        }
        var (label, anchor) = fact switch
        {
            FactIds.RiskLevel => ("Risk level", "riskLevel"),
            FactIds.DataCategories => ("Data taken", "dataCategories"),
            FactIds.Exfiltration => ("Exfiltration", "exfiltration"),
            FactIds.Encryption => ("Encryption", "encryption"),
            FactIds.Cause => ("Cause", "cause"),
            FactIds.Affected => ("Affected people", "affected"),
            FactIds.DeterminedAt => ("Breach determined", "determinedAt"),
            FactIds.AssessedAt => ("Assessment finished", "assessedAt"),
            _ => ("Became aware", "awareAt"),
        };
        return ($"Incident facts: {label}", $"/Incidents/{incidentId}/Edit#{anchor}");
    }
}
