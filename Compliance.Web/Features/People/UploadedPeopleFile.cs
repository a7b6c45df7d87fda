using Compliance.Domain.People;

namespace Compliance.Web.Features.People;

/// <summary>
/// An uploaded list as the import page and the API read it before the check: its header and first rows, or in plain
/// words why it cannot be read; the columns guessed from the header; and the columns chosen, as a <see cref="ColumnMap"/>.
/// </summary>
public sealed record UploadedPeopleFile(IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Preview, string? Error)
{
    public const int PreviewRows = 5;

    /// <summary>The fields a column can hold, by the names the page's form and the API's columns use.</summary>
    public static readonly IReadOnlyList<(string Field, string Label, bool Required)> Fields =
    [
        ("Name", "Name", true), ("Jurisdiction", "Jurisdiction (ISO code, e.g. HK, US-CA)", true), ("Email", "Email", false),
        ("Language", "Language (e.g. en, zh-Hant)", false), ("Phone", "Phone", false), ("Address", "Postal address", false),
    ];

    public bool IsReadable => Error is null;

    /// <summary>Reads the header and the first rows; says in plain words why not when the file cannot be read.</summary>
    public static UploadedPeopleFile Inspect(byte[] bytes)
    {
        if (Utf8Text.FirstInvalidLine(new MemoryStream(bytes)) is { } line)
            return Unreadable($"Line {line} of the file is not UTF-8 text, so its columns cannot be read and names in other scripts would be garbled. {Utf8Text.SaveAsUtf8}");
        List<string> headers;
        var rows = new List<IReadOnlyList<string>>();
        try
        {
            using var reader = ImportPeople.OpenCsv(new MemoryStream(bytes));
            reader.ReadHeader();
            headers = reader.Headers.ToList();
            while (rows.Count < PreviewRows && reader.Read())
                rows.Add(Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetString(i)).ToList());
        }
        catch (Exception e) when (e is FormatException or InvalidDataException)
        {
            return Unreadable($"The file could not be read as CSV ({e.Message}).");
        }
        if (headers.Count == 0 || headers.All(string.IsNullOrWhiteSpace))
            return Unreadable("The file's first line is empty: it must name the columns, for example Name,Email,Country,Language.");
        return new UploadedPeopleFile(headers, rows, null);
    }

    /// <summary>Which column probably holds what, from the header's words ("" when none does).</summary>
    public Dictionary<string, string> GuessColumns()
    {
        string Find(params string[] words) => Headers.FirstOrDefault(h => words.Any(w => h.Contains(w, StringComparison.OrdinalIgnoreCase))) ?? "";
        return new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["Name"] = Find("name"),
            ["Email"] = Find("email", "e-mail", "mail"),
            ["Jurisdiction"] = Find("jurisdiction", "country", "region"),
            ["Language"] = Find("language", "lang", "locale"),
            ["Phone"] = Find("phone", "mobile", "tel"),
            ["Address"] = Find("address", "postal"),
        };
    }

    /// <summary>
    /// The columns chosen (field to header, empty for none) and the other columns to keep, as the import reads them;
    /// null when the name or the jurisdiction has no column. Extra columns not in the file, or already mapped, are dropped.
    /// </summary>
    public ColumnMap? MapOf(IReadOnlyDictionary<string, string> chosen, IEnumerable<string> extra)
    {
        var columns = new Dictionary<string, string>(chosen.Where(c => c.Value is { Length: > 0 }), StringComparer.OrdinalIgnoreCase);
        string? Column(string field) => columns.GetValueOrDefault(field);
        if (Column("Name") is not { } name || Column("Jurisdiction") is not { } jurisdiction) return null;
        var mapped = columns.Values.ToHashSet();
        var kept = extra.Where(c => Headers.Contains(c) && !mapped.Contains(c)).Distinct().ToList();
        return new ColumnMap(name, jurisdiction, Column("Email"), Column("Language"), Column("Phone"), Column("Address"), kept);
    }

    private static UploadedPeopleFile Unreadable(string error) => new([], [], error);
}
