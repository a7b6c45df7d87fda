namespace Compliance.Domain.Notices;

/// <summary>
/// The one list of a notice's parts, with the words people see for each: the parts a person writes, in the order the
/// form shows them, then those filled in from the incident and the person. These are the fields a notice template may
/// read (templates/notices), and the only ones a catalogue rule may require or forbid.
/// </summary>
public static class NoticeParts
{
    public static readonly IReadOnlyList<(string Field, string Label)> Written =
    [
        ("nature", "What happened"), ("period", "When"), ("consequences", "What it could mean for them"),
        ("measures", "What we have done"), ("advice", "What they can do"), ("contact", "Whom to ask (contact point)"),
    ];

    public static readonly IReadOnlyList<(string Field, string Label)> Filled =
    [
        ("organisation", "Your organisation's name"), ("categories", "The kinds of data taken"), ("count", "How many people were affected"),
        ("name", "The person's name"), ("noticeDate", "The date of the notice"),
    ];

    private static readonly Dictionary<string, string> Labels = Written.Concat(Filled).ToDictionary(p => p.Field, p => p.Label, StringComparer.Ordinal);

    public static readonly IReadOnlySet<string> All = new HashSet<string>(Labels.Keys, StringComparer.Ordinal);

    /// <summary>The words for a part, or its name when it is not one.</summary>
    public static string LabelOf(string field) => Labels.TryGetValue(field, out var label) ? label : field;
}
