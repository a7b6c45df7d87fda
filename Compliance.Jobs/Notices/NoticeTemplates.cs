using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Text.RegularExpressions;
using Compliance.Jobs.Reminders;

namespace Compliance.Jobs.Notices;

/// <summary>
/// Notices to affected people from templates/notices/{jurisdiction or "default"}/{language}/notice.(subject.txt|txt|html),
/// rendered with Handlebars (HTML escaped), and checked against the jurisdiction's required and forbidden content.
/// </summary>
public sealed partial class NoticeTemplates(TemplateLibrary library)
{
    public static NoticeTemplates Default { get; } = new(TemplateLibrary.Default);

    // A campaign checks every person's notice: read each template's fields once, not once per person.
    private readonly ConcurrentDictionary<string, FrozenSet<string>> placeholders = new(StringComparer.Ordinal);

    public sealed record Rendered(string TemplateKey, string Language, string Subject, string Text, string Html);

    /// <summary>
    /// The template folder for a person: their jurisdiction's (or its country's) in their language or its parent
    /// ("fr-CA" reads "fr", "zh-HK" reads "zh-Hant"), else English, else the default's. When the language found is not
    /// the person's, they fall back: the campaign page says so before anyone approves.
    /// </summary>
    public (string Key, string Language) Resolve(string jurisdiction, string language) =>
        resolved.GetOrAdd((jurisdiction, language), k => Find(k.Jurisdiction, k.Language));

    private readonly ConcurrentDictionary<(string Jurisdiction, string Language), (string, string)> resolved = new();

    private (string Key, string Language) Find(string jurisdiction, string language)
    {
        string[] keys = [jurisdiction, jurisdiction.Split('-')[0], "default"];
        foreach (var key in keys.Distinct())
            foreach (var lang in NoticeLanguages.Chain(language).Append("en").Distinct(StringComparer.OrdinalIgnoreCase))
                if (File.Exists(Path(key, lang, "notice.txt"))) return (key, lang);
        throw new FileNotFoundException("templates/notices/default/en is missing.");
    }

    public Rendered Render(string jurisdiction, string language, IReadOnlyDictionary<string, string?> fields)
    {
        var (key, lang) = Resolve(jurisdiction, language);
        var model = NoticeFields.InLanguage(fields, lang).ToDictionary(f => f.Key, f => (object?)f.Value);
        model["greeting"] = Greeting.For(lang, fields.GetValueOrDefault("name"));
        var subject = library.Render(System.IO.Path.Combine("notices", key), lang, "notice.subject.txt", model).Trim();
        model["subject"] = subject;
        return new Rendered(key, lang, subject,
            library.Render(System.IO.Path.Combine("notices", key), lang, "notice.txt", model),
            library.Render(System.IO.Path.Combine("notices", key), lang, "notice.html", model));
    }

    /// <summary>Why a notice may not be sent yet: required fields unused or empty, required text absent, forbidden fields used.</summary>
    public IReadOnlyList<string> Check(string jurisdiction, string language, IReadOnlyDictionary<string, string?> fields, NoticeRequirements? requirements = null) =>
        Check(jurisdiction, language, fields, Render(jurisdiction, language, fields), requirements);

    /// <summary>The same, for a notice already rendered from <paramref name="fields"/> (before any redaction).</summary>
    /// <param name="requirements">The incident's (<see cref="NoticeRequirements.For"/> with its stored duties); null reads the catalogue as it is now.</param>
    public IReadOnlyList<string> Check(string jurisdiction, string language, IReadOnlyDictionary<string, string?> fields, Rendered rendered, NoticeRequirements? requirements = null)
    {
        requirements ??= NoticeRequirements.For(jurisdiction);
        var (key, lang) = Resolve(jurisdiction, language);
        var used = placeholders.GetOrAdd($"{key}/{lang}", _ => Placeholder()
            .Matches(File.ReadAllText(Path(key, lang, "notice.txt")) + File.ReadAllText(Path(key, lang, "notice.html")))
            .Select(m => m.Groups[1].Value).ToFrozenSet(StringComparer.Ordinal));
        fields = NoticeFields.InLanguage(fields, lang);
        var problems = new List<string>();
        foreach (var field in requirements.RequiredFields)
        {
            if (!used.Contains(field)) problems.Add($"{requirements.Source} asks for \"{Compliance.Domain.Notices.NoticeParts.LabelOf(field)}\", which the {jurisdiction} template ({lang}) does not include; the template needs correcting.");
            else if (string.IsNullOrWhiteSpace(fields.GetValueOrDefault(field))) problems.Add($"{requirements.Source} asks for \"{Compliance.Domain.Notices.NoticeParts.LabelOf(field)}\": fill it in.");
        }
        foreach (var field in requirements.ForbiddenFields.Where(used.Contains))
            problems.Add($"{requirements.Source} forbids stating \"{Compliance.Domain.Notices.NoticeParts.LabelOf(field)}\" in the notice, but the {jurisdiction} template ({lang}) does.");
        foreach (var text in requirements.RequiredText.Where(t => !t.Split('|').Any(version => rendered.Text.Contains(version, StringComparison.OrdinalIgnoreCase))))
            problems.Add($"{requirements.Source}: the notice must say {string.Join(" or ", text.Split('|').Select(v => $"\"{v}\""))}.");
        return problems;
    }

    /// <summary>The notice with each of a person's redactions (comma-separated terms) replaced by "[withheld]".</summary>
    public static Rendered Redact(Rendered notice, string? redactions)
    {
        if (string.IsNullOrWhiteSpace(redactions)) return notice;
        foreach (var term in redactions.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            notice = notice with
            {
                Subject = notice.Subject.Replace(term, "[withheld]", StringComparison.OrdinalIgnoreCase),
                Text = notice.Text.Replace(term, "[withheld]", StringComparison.OrdinalIgnoreCase),
                Html = notice.Html.Replace(System.Net.WebUtility.HtmlEncode(term), "[withheld]", StringComparison.OrdinalIgnoreCase)
                    .Replace(term, "[withheld]", StringComparison.OrdinalIgnoreCase),
            };
        return notice;
    }

    /// <summary>
    /// Lower-case hex SHA-256 of what a campaign sends: its frozen fields and the files of every template its people's
    /// notices use. Approval is of this hash; the sender refuses to send if it no longer matches.
    /// </summary>
    public string Hash(string frozenFields, IEnumerable<(string Jurisdiction, string Language)> groups)
    {
        using var sha = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        sha.AppendData(System.Text.Encoding.UTF8.GetBytes(frozenFields));
        foreach (var (key, lang) in groups.Select(g => Resolve(g.Jurisdiction, g.Language)).Distinct().Order())
        {
            sha.AppendData(System.Text.Encoding.UTF8.GetBytes($"\n{key}/{lang}\n"));
            foreach (var file in new[] { "notice.subject.txt", "notice.txt", "notice.html" })
                sha.AppendData(File.ReadAllBytes(Path(key, lang, file)));
        }
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    private string Path(string key, string language, string file) => System.IO.Path.Combine(library.Root, "notices", key, language, file);

    [GeneratedRegex(@"\{\{\s*([a-zA-Z]+)\s*\}\}")]
    private static partial Regex Placeholder();
}
