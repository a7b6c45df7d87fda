using Compliance.Domain.People;
using Compliance.Jobs.Notices;

namespace Compliance.Web.Features.Notices;

/// <summary>
/// Which languages a notice must be written in for a group of people: the language of the template each person's
/// notice uses (their own where a template exists for their jurisdiction, else the one they fall back to), and who
/// falls back. Nothing about languages is decided silently: the Notice page, the campaign form and the approval read this.
/// </summary>
public static class NoticeLanguageNeeds
{
    /// <summary>People of one jurisdiction and language.</summary>
    public sealed record Group(string Jurisdiction, string Language, int People);

    /// <summary>A language the notice must be written in, for how many people, and whether it is.</summary>
    public sealed record Need(string Language, int People, bool Written)
    {
        public string Name => NoticeLanguages.Name(Language);
    }

    /// <summary>People whose notice is not in their own language: no template for their jurisdiction has it.</summary>
    public sealed record Fallback(string ReaderLanguage, string TemplateLanguage, int People)
    {
        public string Sentence => $"{People:N0} {(People == 1 ? "person reads" : "people read")} {NoticeLanguages.Name(ReaderLanguage)} " +
                                  $"but will receive the notice in {NoticeLanguages.Name(TemplateLanguage)}: no template for their jurisdiction is written in their language.";
    }

    public static IReadOnlyList<Need> Needs(IEnumerable<Group> groups, NoticeTemplates templates, Func<string, bool> written) =>
        groups.GroupBy(g => templates.Resolve(g.Jurisdiction, g.Language).Language, StringComparer.OrdinalIgnoreCase)
            .Select(g => new Need(g.Key, g.Sum(x => x.People), written(g.Key)))
            .OrderByDescending(n => n.People).ThenBy(n => n.Language, StringComparer.Ordinal).ToList();

    public static IReadOnlyList<Fallback> Fallbacks(IEnumerable<Group> groups, NoticeTemplates templates) =>
        groups.Select(g => (g.Language, Template: templates.Resolve(g.Jurisdiction, g.Language).Language, g.People))
            .Where(g => !NoticeLanguages.Reads(g.Language, g.Template))
            .GroupBy(g => (g.Language, g.Template))
            .Select(g => new Fallback(g.Key.Language, g.Key.Template, g.Sum(x => x.People)))
            .OrderBy(f => f.ReaderLanguage, StringComparer.Ordinal).ThenBy(f => f.TemplateLanguage, StringComparer.Ordinal).ToList();

    /// <summary>The refusal for each language lacking text, naming it and how many people read it.</summary>
    public static IReadOnlyList<string> Missing(IEnumerable<Need> needs, string where) =>
        needs.Where(n => !n.Written).Select(n =>
            $"The notice has no text in {n.Name}, the language of {n.People:N0} {(n.People == 1 ? "person" : "people")} {where}: write it on the Notice page.").ToList();

    public static bool Written(IReadOnlyDictionary<string, Dictionary<string, string>> texts, string language) => NoticeTexts.HasText(texts, language);
}
