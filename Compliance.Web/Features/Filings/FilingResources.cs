using System.Text.Json;
using Compliance.Domain.Filings;
using Compliance.Jobs.Filings;

namespace Compliance.Web.Features.Filings;

/// <summary>What a regulator filing would contain now: whether it is complete, what is missing, and the versions saved so far.</summary>
public sealed record FilingResource(string Jurisdiction, FilingDraftBody Draft, bool Complete, IReadOnlyList<MissingFieldResource> Missing,
    IReadOnlyList<FilingVersionResource> Versions);

/// <summary>The fields of the filing form: stage (initial, follow-up, final), the organisation's name as filed, and the narrative texts by field id.</summary>
public sealed record FilingDraftBody(string? Stage, string? OrganisationName, IReadOnlyDictionary<string, string>? Narrative);

/// <summary>A field the authority asks for that the filing lacks: "field" is the narrative field (narrative.contact) or the incident's fact to complete.</summary>
public sealed record MissingFieldResource(string Section, string Label, string Field)
{
    public static MissingFieldResource From(MissingField m) =>
        new(m.Section, m.Label, FilingModel.NarrativeFields.Any(f => f.Id == m.InputField) ? $"narrative.{m.InputField}" : m.InputField);
}

public sealed record FilingVersionResource(Guid Id, string Jurisdiction, string Stage, int Version, string Layout, string Language, int Pages,
    int MissingFields, string ContentHash, string PdfSha256, string CreatedBy, string CreatedAt, string Pdf)
{
    public static FilingVersionResource From(FilingVersion v, string zone) =>
        new(v.Id, v.Jurisdiction, v.Stage, v.Version, v.Layout, v.Language, v.Pages, v.MissingFields, v.ContentHash, v.PdfSha256, v.CreatedBy,
            ApiTime.Format(v.CreatedAt, zone), FilingEndpoints.PdfUrlOf(v.IncidentId, v.Jurisdiction, v.Id));
}

/// <summary>When the version was sent and the authority's reference; fileIncomplete confirms that a version lacking fields was sent like that.</summary>
public sealed record MarkFiledBody(string FiledAt, string Reference, bool? FileIncomplete);

/// <summary>The texts a saved version was written with: the next version (and the draft shown) starts from them.</summary>
public static class SavedNarrative
{
    public static FilingDraftBody Of(FilingVersion? latest)
    {
        if (latest is null) return new("initial", null, new Dictionary<string, string>());
        using var doc = JsonDocument.Parse(latest.Narrative);
        var name = doc.RootElement.TryGetProperty("organisationName", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null;
        var fields = new Dictionary<string, string>();
        if (doc.RootElement.TryGetProperty("fields", out var saved) && saved.ValueKind == JsonValueKind.Object)
            foreach (var f in saved.EnumerateObject()) fields[f.Name] = f.Value.GetString() ?? "";
        return new(latest.Stage, name, fields);
    }
}
