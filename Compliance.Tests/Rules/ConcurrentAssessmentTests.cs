using Compliance.Domain.Rules.Assessment;
using Compliance.Domain.Rules.Catalogue;
using Compliance.Domain.Rules.Engine;
using Compliance.Web.Commands;

namespace Compliance.Tests.Rules;

// The engine is one shared instance (the API, pages and jobs assess at once) and reuses working tables per thread:
// assessments running side by side on many threads give exactly what one alone gives.
public sealed class ConcurrentAssessmentTests
{
    [Fact]
    public async Task Assessments_on_many_threads_at_once_give_the_same_duties_and_explanations_as_one_alone()
    {
        var engine = RulesEngine.Default;
        var whole = BenchCommand.EveryJurisdictionIncident(RuleCatalogue.Default);
        var canada = WhyNoDutyTests.AmnestyCanada.Build();
        var expectedWhole = AssessmentResponseWriter.ToJson(engine.Assess(whole));
        var expectedCanada = AssessmentResponseWriter.ToJson(engine.Assess(canada));

        var runs = await Task.WhenAll(Enumerable.Range(0, 16).Select(n => Task.Run(() =>
        {
            var facts = n % 2 == 0 ? whole : canada;
            string last = "";
            for (var i = 0; i < 20; i++) last = AssessmentResponseWriter.ToJson(engine.Assess(facts));
            return (n, last);
        })));

        foreach (var (n, json) in runs) Assert.Equal(n % 2 == 0 ? expectedWhole : expectedCanada, json);
    }
}
