using System.Text.Json.Serialization;

namespace Compliance.Domain.Rules.Catalogue;

// The catalogue's JSON shape (see README.md beside the files). These types only carry text; RuleCatalogue
// validates them into the model the engine runs on, and refuses a catalogue with any mistake in it.

internal sealed class CatalogueFile
{
    [JsonPropertyName("$comment")] public string? Comment { get; set; }
    public List<RegimeDto> Regimes { get; set; } = [];
}

internal sealed class RegimeDto
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public List<string> Territory { get; set; } = [];
    public Dictionary<string, AuthorityDto> Authorities { get; set; } = [];
    public string AppliesBy { get; set; } = "residence-or-establishment";
    public ConditionDto? Gate { get; set; }
    public string? NoStatutoryDuty { get; set; }
    public List<string> Sources { get; set; } = [];
    public List<VersionDto> Versions { get; set; } = [];
}

internal sealed class AuthorityDto
{
    public string Name { get; set; } = "";
    public string TimeZone { get; set; } = "";
}

internal sealed class VersionDto
{
    public string Version { get; set; } = "";
    public string EffectiveFrom { get; set; } = "";
    public string? EffectiveTo { get; set; }
    public string ClockStart { get; set; } = "aware";
    public string? Status { get; set; }
    public string? Note { get; set; }
    public List<DutyDto> Duties { get; set; } = [];
}

internal sealed class DutyDto
{
    public string Id { get; set; } = "";
    public string Recipient { get; set; } = "";
    public string? Authority { get; set; }
    public string Stage { get; set; } = "initial";
    public bool Mandatory { get; set; } = true;
    public bool Once { get; set; }
    public ConditionDto? When { get; set; }
    public ClockDto? Deadline { get; set; }
    public ClockDto? Latest { get; set; }
    public ClockDto? Target { get; set; }
    public string? RollForward { get; set; }
    public RetentionDto? Retention { get; set; }
    public string Reason { get; set; } = "";
    public List<string> Content { get; set; } = [];
    public List<string> ProhibitedContent { get; set; } = [];
    public List<string> Sources { get; set; } = [];
    public string Verification { get; set; } = "";
    public LawEnforcementDelayDto? LawEnforcementDelay { get; set; }
    public NoticeRulesDto? Notice { get; set; }
}

internal sealed class NoticeRulesDto
{
    public string Citation { get; set; } = "";
    public List<string> RequiredFields { get; set; } = [];
    public List<string> RequiredText { get; set; } = [];
    public List<string> ForbiddenFields { get; set; } = [];
}

internal sealed class LawEnforcementDelayDto
{
    public List<string> Sources { get; set; } = [];
    public string Verification { get; set; } = "";
    public string? Note { get; set; }
}

internal sealed class ClockDto
{
    public string Anchor { get; set; } = "aware";
    public string Unit { get; set; } = "none";
    public int Amount { get; set; }
    public bool IncludeStartDay { get; set; }
    public string? Calendar { get; set; }
    public List<AmountWhenDto> AmountWhen { get; set; } = [];
}

internal sealed class AmountWhenDto
{
    public List<string> AttributesAll { get; set; } = [];
    public int Amount { get; set; }
}

internal sealed class RetentionDto
{
    public string Anchor { get; set; } = "aware";
    public int Months { get; set; }
    public int Years { get; set; }
    public string? From { get; set; }
}

internal sealed class ConditionDto
{
    public string? RiskAtLeast { get; set; }
    public string? RiskAtMost { get; set; }
    public List<string>? CategoriesAny { get; set; }
    public List<string>? NameWith { get; set; }
    public List<string>? Exfiltration { get; set; }
    public bool? NotEncrypted { get; set; }
    public List<string>? Causes { get; set; }
    public int? MinAffected { get; set; }
    public List<string>? AttributesAll { get; set; }
    public List<string>? AttributesAny { get; set; }
    public List<string>? AttributesNone { get; set; }
    public List<ConditionDto>? AnyOf { get; set; }
    public List<ConditionDto>? AllOf { get; set; }
    public ConditionDto? Not { get; set; }
}
