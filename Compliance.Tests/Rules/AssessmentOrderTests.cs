using Compliance.Domain.Rules.Assessment;
using Compliance.Domain.Rules.Catalogue;
using Compliance.Domain.Rules.Engine;
using Compliance.Web.Commands;

namespace Compliance.Tests.Rules;

// Duties come out soonest deadline first, then by jurisdiction, recipient and rule id (ordinal), no deadline last:
// the engine sorts through packed integer keys, and this holds it to the plain comparison on the whole catalogue.
public sealed class AssessmentOrderTests
{
    [Fact]
    public void The_whole_catalogue_comes_out_in_deadline_jurisdiction_recipient_rule_order()
    {
        var facts = BenchCommand.EveryJurisdictionIncident(RuleCatalogue.Default);
        var duties = new RulesEngine(RuleCatalogue.Default).Assess(facts).ToList();
        Assert.True(duties.Count > 300);

        var expected = duties
            .OrderBy(d => d.Deadline is null)
            .ThenBy(d => d.Deadline)
            .ThenBy(d => d.Jurisdiction, StringComparer.Ordinal)
            .ThenBy(d => d.Recipient)
            .ThenBy(d => d.RuleId, StringComparer.Ordinal)
            .ToList();
        Assert.Equal(expected.Select(Describe), duties.Select(Describe));
        Assert.Contains(duties, d => d.Deadline is null);
    }

    private static string Describe(AssessedObligation d) => $"{d.Deadline} {d.Jurisdiction} {d.Recipient} {d.RuleId}";
}
