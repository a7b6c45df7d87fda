using System.Text.Json;
using Compliance.Domain.Json;

namespace Compliance.Web.Features.People;

/// <summary>
/// Reads the import's { "columns": { ... } }: each field names a header of the file (null or "" for none; a field left
/// out keeps the column guessed from the header), "extra" lists other columns to keep. Problems are named by JSON path.
/// </summary>
public static class ImportColumnsReader
{
    private static readonly Dictionary<string, string> FieldOf = new(StringComparer.Ordinal)
    {
        ["name"] = "Name", ["jurisdiction"] = "Jurisdiction", ["email"] = "Email", ["language"] = "Language", ["phone"] = "Phone", ["address"] = "Address",
    };

    public static (Dictionary<string, string> Chosen, IReadOnlyList<string> Extra)? Read(FieldReader reader, JsonElement root, IReadOnlyList<string> headers)
    {
        reader.Unknown(root, ["columns"], "is not a field of an import: send columns, or nothing.");
        if (!FieldReader.Present(root, "columns", out var columns)) return null;
        if (columns.ValueKind != JsonValueKind.Object) { reader.Error("columns", "must be an object naming the file's column for each field."); return null; }

        var file = new UploadedPeopleFile(headers, [], null);
        var chosen = file.GuessColumns();
        var extra = new List<string>();
        foreach (var property in columns.EnumerateObject())
        {
            var path = $"columns.{property.Name}";
            if (property.Name == "extra") extra = Extra(reader, property.Value, headers, path);
            else if (!FieldOf.TryGetValue(property.Name, out var field))
                reader.Error(path, $"is not a field: name, jurisdiction, email, language, phone, address or extra.");
            else if (property.Value.ValueKind == JsonValueKind.Null || property.Value is { ValueKind: JsonValueKind.String } blank && blank.GetString() == "")
                chosen[field] = "";
            else if (Header(reader, property.Value, headers, path) is { } header)
                chosen[field] = header;
        }
        return (chosen, extra);
    }

    private static List<string> Extra(FieldReader reader, JsonElement value, IReadOnlyList<string> headers, string path)
    {
        if (value.ValueKind == JsonValueKind.Null) return [];
        if (value.ValueKind != JsonValueKind.Array) { reader.Error(path, "must be a list of the file's column names."); return []; }
        return value.EnumerateArray().Select((item, i) => Header(reader, item, headers, $"{path}[{i}]")).OfType<string>().ToList();
    }

    private static string? Header(FieldReader reader, JsonElement value, IReadOnlyList<string> headers, string path)
    {
        if (value.ValueKind == JsonValueKind.String && value.GetString() is { } text && headers.Contains(text)) return text;
        reader.Error(path, $"{FieldReader.Show(value)} is not a column of the file; its columns are {string.Join(", ", headers.Select(h => $"'{h}'"))}.");
        return null;
    }
}
