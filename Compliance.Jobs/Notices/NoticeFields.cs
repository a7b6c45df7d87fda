using System.Globalization;
using System.Text.Json;
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
