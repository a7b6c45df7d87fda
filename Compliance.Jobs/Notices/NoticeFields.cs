using System.Globalization;
using System.Text.Json;
using Compliance.Domain.Vocabulary;
using NodaTime;
using NodaTime.Text;

namespace Compliance.Jobs.Notices;

/// <summary>
/// The values a notice template reads. The incident's part (the draft, the organisation, the data categories, the
/// count) is frozen into a campaign when it is prepared; the person's name and the date are added per message.
/// </summary>
public static class NoticeFields
{
    public static string Freeze(IReadOnlyDictionary<string, string> draft, string organisation, string categories, int affected)
    {
        var all = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (k, v) in draft) all[k] = v;
        all["organisation"] = organisation;
        all["categories"] = categories;
        all["count"] = affected.ToString("N0", CultureInfo.InvariantCulture);
        return JsonSerializer.Serialize(all);
    }

    /// <summary>
    /// The same with the written parts in each language of <paramref name="texts"/>, and the data categories in every
    /// language that has labels for them, each kept under "{language}:{field}". A notice reads the set of its template's
    /// language (<see cref="InLanguage"/>); the unprefixed categories (English) are for campaigns frozen before languages.
    /// </summary>
    public static string Freeze(IReadOnlyDictionary<string, Dictionary<string, string>> texts, string organisation, IReadOnlyCollection<DataCategory> categories, int affected)
    {
        var all = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["organisation"] = organisation,
            ["categories"] = CategoryLabels.List(categories, "en"),
            ["count"] = affected.ToString("N0", CultureInfo.InvariantCulture),
        };
        foreach (var language in CategoryLabels.Languages) all[$"{language}:categories"] = CategoryLabels.List(categories, language);
        foreach (var (language, fields) in texts.Where(t => t.Value.Values.Any(v => !string.IsNullOrWhiteSpace(v))))
            foreach (var (field, value) in fields)
                all[$"{language}:{field}"] = value;
        return JsonSerializer.Serialize(all);
    }

    /// <summary>The fields a template in <paramref name="language"/> reads: the shared ones, then that language's own over them.</summary>
    public static Dictionary<string, string?> InLanguage(IReadOnlyDictionary<string, string?> fields, string language)
    {
        var view = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (key, value) in fields)
            if (!key.Contains(':', StringComparison.Ordinal)) view[key] = value;
        var prefix = language + ":";
        foreach (var (key, value) in fields)
            if (key.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) view[key[prefix.Length..]] = value;
        return view;
    }

    /// <summary>
    /// Whether a frozen notice has written text for readers of <paramref name="language"/>. A notice frozen before
    /// notices had languages has one text for all, and keeps it.
    /// </summary>
    public static bool HasText(IReadOnlyDictionary<string, string> frozen, string language)
    {
        if (Domain.People.NoticeDraft.FieldNames.Any(f => frozen.ContainsKey(f))) return true;
        var prefix = language + ":";
        return frozen.Any(f => f.Key.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && !f.Key.EndsWith(":categories", StringComparison.Ordinal)
            && !string.IsNullOrWhiteSpace(f.Value));
    }

    public static IReadOnlyDictionary<string, string> Thaw(string frozen) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(frozen) ?? [];

    public static Dictionary<string, string?> ForPerson(IReadOnlyDictionary<string, string> frozen, string name, LocalDate noticeDate)
    {
        var fields = frozen.ToDictionary(f => f.Key, f => (string?)f.Value);
        fields["name"] = name;
        fields["noticeDate"] = LocalDatePattern.Iso.Format(noticeDate);
        return fields;
    }

    /// <summary>A stand-in person for checks that do not depend on who receives the notice.</summary>
    public const string SampleName = "Chan Tai Man";
}
