using System.Text.Json;
using Compliance.Domain.Rules.Assessment;
using Compliance.Domain.Rules.Catalogue;

namespace Compliance.Domain.Obligations;

/// <summary>
/// What a stored duty keeps of its rule beyond the columns (rule id and version, authority and zone, reason, sources,
/// verification): the regime's name, the content the law asks for and forbids, and the notice checks. Filings and
/// notices read this, so a rule corrected in the catalogue later never rewrites what a duty was computed from.
/// </summary>
public sealed record DutyTerms(
    string Regime,
    IReadOnlyList<string> Content,
    IReadOnlyList<string> ProhibitedContent,
    NoticeRules? Notice,
    IReadOnlyList<string>? LawEnforcementDelaySources = null)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static DutyTerms? Of(AssessedObligation a) => a.Rule is not { } rule ? null : new(
        rule.Regime.Name, rule.Content, rule.ProhibitedContent, rule.Notice, rule.LawEnforcementDelay?.Sources);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static DutyTerms? FromJson(string? json) => string.IsNullOrEmpty(json) ? null : JsonSerializer.Deserialize<DutyTerms>(json, Json);
}
