using System.Text.Json;
using System.Text.Json.Nodes;
using Compliance.Domain.Vocabulary;

namespace Compliance.Domain.Risk;

/// <summary>Answers and reasons as JSON, in the API's names: for the stored row, the API and the audit line alike.</summary>
public static class RiskJson
{
    public static JsonObject Of(RiskAnswers a) => new()
    {
        ["stateActor"] = a.StateActor,
        ["surveillance"] = a.Surveillance,
        ["reprisal"] = a.Reprisal,
        ["politicalExposure"] = a.PoliticalExposure,
        ["vulnerablePeople"] = a.VulnerablePeople,
        ["identification"] = KebabCase<Identification>.ToId(a.Identification),
        ["lost"] = new JsonArray(a.Lost.Select(l => (JsonNode)KebabCase<SecurityLoss>.ToId(l)).ToArray()),
        ["misuse"] = KebabCase<Misuse>.ToId(a.Misuse),
        ["consequences"] = KebabCase<Consequences>.ToId(a.Consequences),
    };

    public static JsonArray Of(IEnumerable<RiskReason> reasons) => new(reasons.Select(r => (JsonNode)new JsonObject
    {
        ["factor"] = r.Factor,
        ["level"] = KebabCase<RiskLevel>.ToId(r.Level),
        ["explanation"] = r.Explanation,
        ["source"] = r.Source,
    }).ToArray());

    /// <summary>Reads answers stored by <see cref="Of(RiskAnswers)"/>; the API's input goes through <see cref="RiskAssessmentInput"/>.</summary>
    public static RiskAnswers Answers(string json)
    {
        var o = JsonNode.Parse(json)!.AsObject();
        return new RiskAnswers
        {
            StateActor = (bool)o["stateActor"]!,
            Surveillance = (bool)o["surveillance"]!,
            Reprisal = (bool)o["reprisal"]!,
            PoliticalExposure = (bool)o["politicalExposure"]!,
            VulnerablePeople = (bool)o["vulnerablePeople"]!,
            Identification = KebabCase<Identification>.Parse((string)o["identification"]!),
            Lost = o["lost"]!.AsArray().Select(n => KebabCase<SecurityLoss>.Parse((string)n!)).ToList(),
            Misuse = KebabCase<Misuse>.Parse((string)o["misuse"]!),
            Consequences = KebabCase<Consequences>.Parse((string)o["consequences"]!),
        };
    }

    public static IReadOnlyList<RiskReason> Reasons(string json) =>
        JsonNode.Parse(json)!.AsArray().Select(n => new RiskReason((string)n!["factor"]!, KebabCase<RiskLevel>.Parse((string)n["level"]!),
            (string)n["explanation"]!, (string)n["source"]!)).ToList();

    public static string Text(JsonNode node) => node.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
}
