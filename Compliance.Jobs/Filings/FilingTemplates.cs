using System.Text.Json;
using System.Text.Json.Serialization;
using Compliance.Domain.Rules.Catalogue;
using Compliance.Domain.Vocabulary;

namespace Compliance.Jobs.Filings;

/// <summary>
/// Every filing layout and the common labels, per language, from templates/filings (embedded in this assembly).
/// Checked once against the rule catalogue: an unknown value, a dangling content index or a missing label keeps
/// the templates from loading at all, so a mistake shows at start-up and in the tests, never in a filing.
/// </summary>
public sealed class FilingTemplates
{
    private const string ResourcePrefix = "Filings.Templates.";
    private static readonly Lazy<FilingTemplates> Embedded = new(() => Parse(ReadEmbedded(), RuleCatalogue.Default));

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        ReadCommentHandling = JsonCommentHandling.Skip,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    private readonly Dictionary<(string Layout, string Language), FilingTemplate> layouts;
    private readonly Dictionary<string, CommonLabels> common;

    private FilingTemplates(Dictionary<(string, string), FilingTemplate> layouts, Dictionary<string, CommonLabels> common)
    {
        this.layouts = layouts;
        this.common = common;
    }

    public static FilingTemplates Default => Embedded.Value;

    public IEnumerable<FilingTemplate> Layouts => layouts.Values.OrderBy(t => t.Layout, StringComparer.Ordinal).ThenBy(t => t.Language, StringComparer.Ordinal);

    public IReadOnlyCollection<string> Languages => common.Keys;

    public CommonLabels? Common(string language) => common.GetValueOrDefault(language);

    /// <summary>The layout made for this duty in this language, else the generic one; null when the language has neither.</summary>
    public FilingTemplate? For(string ruleId, string language) =>
        layouts.Values.FirstOrDefault(t => t.Language == language && t.Rules.Contains(ruleId))
        ?? layouts.Values.FirstOrDefault(t => t.Language == language && t.IsGeneric);

    public static FilingTemplates Parse(IEnumerable<(string Name, string Json)> files, RuleCatalogue catalogue)
    {
        var layouts = new Dictionary<(string, string), FilingTemplate>();
        var common = new Dictionary<string, CommonLabels>(StringComparer.Ordinal);
        foreach (var (name, json) in files)
        {
            try
            {
                if (name.StartsWith("common.", StringComparison.Ordinal))
                {
                    var labels = JsonSerializer.Deserialize<CommonLabels>(json, Json) ?? throw new FilingTemplateException($"{name} is empty.");
                    CheckCommon(labels, name);
                    common[labels.Language] = labels;
                }
                else
                {
                    var template = JsonSerializer.Deserialize<FilingTemplate>(json, Json) ?? throw new FilingTemplateException($"{name} is empty.");
                    Check(template, name, catalogue);
                    if (!layouts.TryAdd((template.Layout, template.Language), template))
                        throw new FilingTemplateException($"{name}: layout '{template.Layout}' in '{template.Language}' is defined twice.");
                }
            }
            catch (JsonException e)
            {
                throw new FilingTemplateException($"{name}: {e.Message}");
            }
        }
        foreach (var t in layouts.Values)
        {
            if (!common.ContainsKey(t.Language)) throw new FilingTemplateException($"Layout '{t.Layout}' is in '{t.Language}', which has no common labels file.");
            var taken = layouts.Values.FirstOrDefault(o => o != t && o.Language == t.Language && o.Rules.Intersect(t.Rules).Any());
            if (taken is not null) throw new FilingTemplateException($"Layouts '{t.Layout}' and '{taken.Layout}' both claim {string.Join(", ", t.Rules.Intersect(taken.Rules))}.");
        }
        return new FilingTemplates(layouts, common);
    }

    /// <summary>Every regulator duty with this id, in any regime and version: a layout must fit all of them.</summary>
    public static IEnumerable<DutyRule> DutiesWithId(RuleCatalogue catalogue, string ruleId) =>
        catalogue.Regimes.SelectMany(r => r.Versions).SelectMany(v => v.Duties).Where(d => d.Id == ruleId);

    private static void Check(FilingTemplate t, string name, RuleCatalogue catalogue)
    {
        if (string.IsNullOrWhiteSpace(t.Layout) || string.IsNullOrWhiteSpace(t.Language) || string.IsNullOrWhiteSpace(t.Title))
            throw new FilingTemplateException($"{name}: layout, language and title are required.");
        if (t.Rules.Count == 0) throw new FilingTemplateException($"{name}: rules must list catalogue duty ids, or \"*\" for the generic layout.");
        var duties = t.Rules.Where(r => r != "*").ToDictionary(r => r, r => DutiesWithId(catalogue, r).ToList());
        foreach (var (rule, found) in duties)
            if (found.Count == 0) throw new FilingTemplateException($"{name}: the rule catalogue has no duty '{rule}'.");
        foreach (var key in t.CategoryLabels.Keys)
            if (!KebabCase<DataCategory>.TryParse(key, out _)) throw new FilingTemplateException($"{name}: categoryLabels has '{key}', which is not a data category.");
        foreach (var key in t.RiskLabels.Keys)
            if (!KebabCase<RiskLevel>.TryParse(key, out _)) throw new FilingTemplateException($"{name}: riskLabels has '{key}', which is not a risk level.");
        foreach (var (section, s) in t.Sections.Select((s, i) => (s, i)))
        {
            if (string.IsNullOrWhiteSpace(section.Heading)) throw new FilingTemplateException($"{name}: sections[{s}] has no heading.");
            foreach (var (field, f) in section.Fields.Select((f, i) => (f, i)))
            {
                var at = $"{name}: sections[{s}].fields[{f}]";
                if (!FilingValueId.IsKnown(field.Value)) throw new FilingTemplateException($"{at}: value '{field.Value}' is not one of {string.Join(", ", FilingValueId.Computed.Concat(FilingValueId.Narrative))}.");
                if (string.IsNullOrWhiteSpace(field.Label)) throw new FilingTemplateException($"{at}: label is missing.");
                if (field.Covers.Count > 0 && t.IsGeneric) throw new FilingTemplateException($"{at}: the generic layout cannot cover content items.");
                foreach (var index in field.Covers)
                    foreach (var (rule, found) in duties)
                        if (found.Any(d => index < 0 || index >= d.Content.Count))
                            throw new FilingTemplateException($"{at}: covers [{index}], but duty '{rule}' has {found.Min(d => d.Content.Count)} content items.");
            }
        }
    }

    private static void CheckCommon(CommonLabels c, string name)
    {
        var dictionaries = new Dictionary<string, Dictionary<string, string>>
        {
            ["stages"] = c.Stages, ["about"] = c.About, ["missing"] = c.Missing, ["checklist"] = c.Checklist, ["footer"] = c.Footer, ["financial"] = c.Financial, ["riskAssessment"] = c.RiskAssessment,
        };
        foreach (var (dictionary, keys) in CommonLabels.RequiredKeys)
            foreach (var key in keys)
                if (!dictionaries[dictionary].ContainsKey(key)) throw new FilingTemplateException($"{name}: {dictionary}.{key} is missing.");
        CheckAll<DataCategory>(c.Categories, "categories", name);
        CheckAll<Cause>(c.Causes, "causes", name);
        CheckAll<Exfiltration>(c.Exfiltration, "exfiltration", name);
        CheckAll<Encryption>(c.Encryption, "encryption", name);
        CheckAll<RiskLevel>(c.Risk, "risk", name);
    }

    private static void CheckAll<TEnum>(Dictionary<string, string> labels, string dictionary, string name) where TEnum : struct, Enum
    {
        foreach (var id in KebabCase<TEnum>.Ids)
            if (!labels.ContainsKey(id)) throw new FilingTemplateException($"{name}: {dictionary}.{id} is missing.");
    }

    private static IEnumerable<(string, string)> ReadEmbedded()
    {
        var assembly = typeof(FilingTemplates).Assembly;
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            yield return (resource[ResourcePrefix.Length..], reader.ReadToEnd());
        }
    }
}

public sealed class FilingTemplateException(string message) : Exception(message);
