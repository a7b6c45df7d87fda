using System.Text.Json;
using Compliance.Domain.Json;
using Compliance.Domain.Vocabulary;
using Compliance.Jobs.Filings;

namespace Compliance.Web.Features.Filings;

/// <summary>Reads the filing form's fields from JSON, naming each bad one as the caller wrote it (narrative.contact, stage, ...).</summary>
public static class FilingDraftReader
{
    private static readonly string[] Fields = ["stage", "organisationName", "narrative"];

    public static FilingPreview.Draft? Read(FieldReader reader, JsonElement body, Guid incidentId, string jurisdiction)
    {
        reader.Unknown(body, Fields, $"is not a field of a filing; use {string.Join(", ", Fields)}.");
        var stage = reader.Enum<FilingStage>(body, "stage", "stage", required: false) ?? FilingStage.Initial;
        var name = reader.String(body, "organisationName", "organisationName", required: false, maxLength: PlainText.Line);
        var narrative = new Dictionary<string, string>();
        if (FieldReader.Present(body, "narrative", out var texts))
        {
            if (texts.ValueKind != JsonValueKind.Object) reader.Error("narrative", "must be an object of texts by field id.");
            else
                foreach (var field in texts.EnumerateObject())
                {
                    var path = $"narrative.{field.Name}";
                    if (FilingModel.NarrativeFields.All(f => f.Id != field.Name))
                        reader.Error(path, $"is not a narrative field; use {string.Join(", ", FilingModel.NarrativeFields.Select(f => f.Id))}.");
                    else if (reader.String(texts, field.Name, path, required: false, FilingPreview.NarrativeFieldLength, multiline: true) is { } text)
                        narrative[field.Name] = text;
                }
        }
        return reader.HasErrors ? null : new FilingPreview.Draft(incidentId, jurisdiction, stage, "en", string.IsNullOrEmpty(name) ? null : name, narrative);
    }
}
