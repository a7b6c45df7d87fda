using Compliance.Domain.Notices;
using Compliance.Jobs.Notices;

namespace Compliance.Web.Features.Notices;

/// <summary>A part of the notice a person writes, with the words the form shows for it.</summary>
public sealed record NoticePartResource(string Field, string Label);

/// <summary>
/// One language of the notice: how many people's notices are in it (0 for a language written but needed by no one),
/// whether it is written, its parts (the six written parts, empty when not written) and its version (the ETag).
/// </summary>
public sealed record NoticeLanguageResource(string Language, string Name, int People, bool Written, string Version,
    IReadOnlyDictionary<string, string> Fields, string Link);

/// <summary>People who read one language but get the notice in another, because no template for their jurisdiction has theirs.</summary>
public sealed record NoticeFallbackResource(string ReaderLanguage, string TemplateLanguage, int People, string Sentence)
{
    public static NoticeFallbackResource From(NoticeLanguageNeeds.Fallback f) => new(f.ReaderLanguage, f.TemplateLanguage, f.People, f.Sentence);
}

/// <summary>The notice in every language its readers need, the languages still missing, who falls back, and the parts to write.</summary>
public sealed record NoticesResource(IReadOnlyList<NoticeLanguageResource> Languages, IReadOnlyList<string> Missing,
    IReadOnlyList<NoticeFallbackResource> Fallbacks, IReadOnlyList<NoticePartResource> Parts);

public sealed record NoticeDraftResource(Guid IncidentId, string Language, string Name, string Version, IReadOnlyDictionary<string, string> Fields)
{
    public static NoticeDraftResource From(Guid incidentId, string language, IReadOnlyDictionary<string, string>? stored) =>
        new(incidentId, language, NoticeLanguages.Name(language), NoticeDraftVersion.Of(stored), AllParts(stored));

    /// <summary>The six written parts, empty where nothing is written.</summary>
    public static IReadOnlyDictionary<string, string> AllParts(IReadOnlyDictionary<string, string>? stored) =>
        NoticeParts.Written.ToDictionary(p => p.Field, p => stored?.GetValueOrDefault(p.Field) ?? "");
}

/// <summary>PUT body: the written parts (nature, period, consequences, measures, advice, contact); a part left out is saved empty.</summary>
public sealed record NoticeDraftBody(IReadOnlyDictionary<string, string> Fields);

/// <summary>What one person would receive, the law's checks that must pass before it is sent (ready when none fail).</summary>
public sealed record NoticePreviewResource(Guid PersonId, string Jurisdiction, string PersonLanguage, string NoticeLanguage, bool FallsBack,
    string TemplateKey, string Subject, string Text, string Html, bool Ready, IReadOnlyList<string> Problems)
{
    public static NoticePreviewResource From(NoticePreview.Preview p) => new(p.Person.Id, p.Person.Jurisdiction, p.Person.Language,
        p.Notice.Language, !NoticeLanguages.Reads(p.Person.Language, p.Notice.Language), p.Notice.TemplateKey, p.Notice.Subject,
        p.Notice.Text, p.Notice.Html, p.Problems.Count == 0, p.Problems);
}

/// <summary>POST body of a test: the person whose notice to send yourself (optional: someone who receives it in that language).</summary>
public sealed record NoticeTestBody(Guid? PersonId);

/// <summary>The test copy: whose notice, to whom, and what the mail server said (outcome sent, retry-later or failed).</summary>
public sealed record NoticeTestResource(Guid PersonId, string Language, string SentTo, string Outcome, string Reply);
