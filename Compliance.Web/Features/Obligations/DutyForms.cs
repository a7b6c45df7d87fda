using Compliance.Domain.Obligations;

namespace Compliance.Web.Features.Obligations;

/// <summary>The filing a person records: when (a local time in a zone), the authority's reference, and proof.</summary>
public sealed class FulfilmentForm
{
    public LocalTimeInput FiledAt { get; set; } = new();
    public string? Zone { get; set; }
    public string? Reference { get; set; }
}

/// <summary>The "not required" form of one duty; shown beside the duty and on its own page when it needs correcting.</summary>
public sealed record DecisionFormView(Guid IncidentId, Obligation Duty, string? Rationale, IReadOnlyList<string> Messages)
{
    public string Suffix => Duty.Id.ToString("N")[..8];

    public FieldErrors Errors => new($"rationale-{Suffix}", Messages);
}

/// <summary>The filing form of one duty, with the zones offered for the filing time.</summary>
public sealed record FulfilmentFormView(Guid IncidentId, Obligation Duty, FulfilmentForm Form, IReadOnlyList<string> Zones,
    IReadOnlyDictionary<string, string[]> Errors, Ambiguity? Ambiguity)
{
    public string Suffix => Duty.Id.ToString("N")[..8];

    public FieldErrors ErrorsFor(string field, string label) =>
        new($"{field}-{Suffix}", Errors.GetValueOrDefault(field, []).Select(m => FieldMessages.ForPerson(label, m)).ToList());

    public LocalTimeField FiledAtField => new("Form.FiledAt", $"filedAt-{Suffix}", "Filed or sent at", null, Form.FiledAt, true,
        ErrorsFor("filedAt", "Filing time"), Ambiguity);

    /// <summary>A filing is stamped by the authority, so its time is first offered in the authority's zone.</summary>
    public static string DefaultZone(Obligation duty, string reader) =>
        NodaTime.DateTimeZoneProviders.Tzdb.GetZoneOrNull(duty.TimeZone) is not null ? duty.TimeZone : reader;

    public ZoneSelect ZoneField => new("Form.Zone", $"zone-{Suffix}", "Time zone of that time", Zones, Form.Zone);
}

/// <summary>
/// The forms that fulfil or decide duties, drawn by one partial view (<c>_DutyForms</c>): on the incident page a pair
/// for each open duty under a heading of its own, on a duty's page the one form being corrected. One view for all of
/// them, not one per form: the incident page of a large incident has thirty, and each partial view's activation
/// cost more than its form.
/// </summary>
public sealed record DutyForms(IReadOnlyList<DutyForms.Pair> Pairs, bool OnIncidentPage)
{
    public sealed record Pair(Obligation Duty, FulfilmentFormView? Fulfilment, DecisionFormView? Decision);

    public static DutyForms Alone(FulfilmentFormView form) => new([new Pair(form.Duty, form, null)], false);

    public static DutyForms Alone(DecisionFormView form) => new([new Pair(form.Duty, null, form)], false);
}
