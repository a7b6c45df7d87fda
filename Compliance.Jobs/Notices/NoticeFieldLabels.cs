namespace Compliance.Jobs.Notices;

/// <summary>The words people see for each part of a notice, used on the notice form and in every message about a notice.</summary>
public static class NoticeFieldLabels
{
    /// <summary>The parts a person writes, in the order the form shows them.</summary>
    public static readonly IReadOnlyList<(string Field, string Label)> Written =
    [
        ("nature", "What happened"), ("period", "When"), ("consequences", "What it could mean for them"),
        ("measures", "What we have done"), ("advice", "What they can do"), ("contact", "Whom to ask (contact point)"),
    ];

    private static readonly Dictionary<string, string> All = Written.Concat<(string Field, string Label)>(
    [
        ("organisation", "Your organisation's name"), ("categories", "The kinds of data taken"), ("count", "How many people were affected"),
        ("name", "The person's name"), ("noticeDate", "The date of the notice"),
    ]).ToDictionary(p => p.Field, p => p.Label, StringComparer.Ordinal);

    public static string Of(string field) => All.TryGetValue(field, out var label) ? label : field;
}
