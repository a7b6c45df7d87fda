using System.Text.Json;
using System.Text.Json.Nodes;
using Compliance.Domain.Risk;
using Compliance.Domain.Vocabulary;

namespace Compliance.Web.Features.Risk;

/// <summary>
/// The risk assessment form as the browser posts it. It is read into the API's JSON and checked by the same parser,
/// so the page and the API cannot disagree about a valid assessment.
/// </summary>
public sealed class RiskForm
{
    public bool StateActor { get; set; }
    public bool Surveillance { get; set; }
    public bool Reprisal { get; set; }
    public bool PoliticalExposure { get; set; }
    public bool VulnerablePeople { get; set; }
    public string? Identification { get; set; }
    public List<string> Lost { get; set; } = [];
    public string? Misuse { get; set; }
    public string? Consequences { get; set; }
    public string? ConfirmedLevel { get; set; }
    public string? Rationale { get; set; }

    public static RiskForm From(RiskAssessment? stored, Compliance.Domain.Incidents.Incident incident)
    {
        if (stored is null) return new RiskForm { Rationale = incident.RiskRationale };
        var a = stored.Answers;
        return new RiskForm
        {
            StateActor = a.StateActor, Surveillance = a.Surveillance, Reprisal = a.Reprisal, PoliticalExposure = a.PoliticalExposure,
            VulnerablePeople = a.VulnerablePeople,
            Identification = KebabCase<Identification>.ToId(a.Identification),
            Lost = a.Lost.Select(KebabCase<SecurityLoss>.ToId).ToList(),
            Misuse = KebabCase<Misuse>.ToId(a.Misuse),
            Consequences = KebabCase<Consequences>.ToId(a.Consequences),
            ConfirmedLevel = KebabCase<RiskLevel>.ToId(incident.RiskLevel),
            Rationale = incident.RiskRationale,
        };
    }

    /// <summary>The answers alone (to show a proposal), or their problems keyed by the API's field name.</summary>
    public (RiskAnswers? Answers, IReadOnlyDictionary<string, string[]> Errors) ReadAnswers()
    {
        // The parser wants a level; any will do, since only the answers are read here.
        var (input, errors) = Read("risk", "");
        return (input?.Answers, errors);
    }

    public (RiskAssessmentInput? Input, IReadOnlyDictionary<string, string[]> Errors) Read() => Read(ConfirmedLevel, Rationale ?? "");

    private (RiskAssessmentInput?, IReadOnlyDictionary<string, string[]>) Read(string? level, string rationale)
    {
        static JsonNode? Blank(string? v) => string.IsNullOrWhiteSpace(v) ? null : JsonValue.Create(v.Trim());
        var json = new JsonObject
        {
            ["answers"] = new JsonObject
            {
                ["stateActor"] = StateActor, ["surveillance"] = Surveillance, ["reprisal"] = Reprisal,
                ["politicalExposure"] = PoliticalExposure, ["vulnerablePeople"] = VulnerablePeople,
                ["identification"] = Blank(Identification),
                ["lost"] = new JsonArray(Lost.Select(l => (JsonNode)l).ToArray()),
                ["misuse"] = Blank(Misuse),
                ["consequences"] = Blank(Consequences),
            },
            ["confirmedLevel"] = Blank(level),
            ["rationale"] = rationale,
        };
        return RiskAssessmentInput.Parse(JsonSerializer.SerializeToElement(json));
    }

    public static readonly IReadOnlyDictionary<string, string> FieldLabels = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["answers.identification"] = "How easily people can be identified",
        ["answers.lost"] = "What was lost",
        ["answers.misuse"] = "Signs of misuse",
        ["answers.consequences"] = "The worst likely consequence",
        ["confirmedLevel"] = "Risk level",
        ["rationale"] = "Rationale",
    };

    /// <summary>The id of the element a message belongs to: answers.misuse is misuse, answers.lost[1] is lost.</summary>
    public static string IdFor(string key)
    {
        var bare = key.Split('[')[0];
        return bare == "$" ? "risk-form" : bare.Replace("answers.", "", StringComparison.Ordinal);
    }
}
