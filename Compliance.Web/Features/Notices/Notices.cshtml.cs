using Compliance.Domain.Incidents;
using Compliance.Jobs.Notices;
using Compliance.Domain.People;
using Compliance.Domain.Workspace;
using Compliance.Jobs.Mail;
using Microsoft.AspNetCore.Mvc;

namespace Compliance.Web.Features.Notices;

/// <summary>
/// Write the notice in each language its readers need (one tab per language, the missing ones named), preview what
/// any person would receive (with the law's checks), and send yourself a test.
/// </summary>
public sealed class NoticesModel(NoticeDrafts notices, NoticePreview preview, SaveNoticeDraft saveDraft, SendTestNotice sendTest, PeopleRegister register, IncidentAccess workspace, NoticeTemplates templates,
    WorkspaceContext context)
    : WorkspacePage(context)
{
    public static IReadOnlyList<(string Field, string Label)> Parts => Compliance.Domain.Notices.NoticeParts.Written;

    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Person { get; set; }

    /// <summary>The language whose text the form shows and saves (a tab).</summary>
    [BindProperty(SupportsGet = true)] public string? Language { get; set; }
    [BindProperty] public Dictionary<string, string> Draft { get; set; } = [];

    /// <summary>The version of the text the form was loaded with: a save over someone else's newer text is refused, not lost.</summary>
    [BindProperty] public string? Version { get; set; }

    public IReadOnlyList<PeopleRegister.Person> People { get; private set; } = [];
    public IReadOnlyList<NoticeLanguageNeeds.Need> Needs { get; private set; } = [];
    public IReadOnlyList<NoticeLanguageNeeds.Fallback> Fallbacks { get; private set; } = [];
    public NoticePreview.Preview? Preview { get; private set; }
    public string? Message { get; private set; }

    /// <summary>The tab shown: the one asked for, else the first language still missing, else the one most people read.</summary>
    public string Selected => Language is { Length: > 0 } l ? l : Needs.FirstOrDefault(n => !n.Written && n.People > 0)?.Language ?? Needs.FirstOrDefault()?.Language ?? NoticeTexts.LegacyLanguage;

    public IEnumerable<NoticeLanguageNeeds.Need> Missing => Needs.Where(n => !n.Written && n.People > 0);

    /// <summary>Someone whose notice is written in <paramref name="language"/>, to preview it.</summary>
    public PeopleRegister.Person? ReaderOf(string language) =>
        People.FirstOrDefault(p => string.Equals(templates.Resolve(p.Jurisdiction, p.Language).Language, language, StringComparison.OrdinalIgnoreCase));

    public bool FallsBack(PeopleRegister.Person person, string written) => !NoticeLanguages.Reads(person.Language, written);

    public async Task<IActionResult> OnGetAsync()
    {
        if (await LoadAsync() is { } refusal) return refusal;
        return await ShowAsync();
    }

    public async Task<IActionResult> OnPostSaveAsync()
    {
        if (await LoadAsync() is { } refusal) return refusal;
        var language = Language is { Length: > 0 } l ? l : NoticeTexts.LegacyLanguage;
        var saved = await saveDraft.HandleAsync(Actor, new SaveNoticeDraft.Request(Id, language, Draft, Version is { Length: > 0 } v ? v : null), HttpContext.RequestAborted);
        Message = saved.IsOk ? "Saved." : string.Join(" ", saved.Errors.SelectMany(e => e.Value));
        Language = language;
        if (!saved.IsOk) return await PreviewAsync();
        Version = NoticeDraftVersion.Of(saved.Value);
        await LoadLanguagesAsync();
        return await PreviewAsync();
    }

    public async Task<IActionResult> OnPostTestAsync()
    {
        if (await LoadAsync() is { } refusal) return refusal;
        if (Person is { } person)
        {
            var sent = await sendTest.HandleAsync(Actor, new SendTestNotice.Request(Id, person), HttpContext.RequestAborted);
            Message = sent.Value?.Outcome == MailOutcome.Sent ? $"A test copy went to {Actor.Email}." : $"The test was not sent: {sent.Value?.Reply ?? sent.Status.ToString()}";
        }
        return await ShowAsync();
    }

    private async Task<IActionResult> ShowAsync()
    {
        Draft = (await notices.DraftAsync(Actor, Id, Selected, HttpContext.RequestAborted)).Value!.ToDictionary();
        Version = NoticeDraftVersion.Of(Draft);
        return await PreviewAsync();
    }

    private async Task<IActionResult> PreviewAsync()
    {
        Person ??= (Language is { Length: > 0 } ? ReaderOf(Selected) : null)?.Id ?? People.FirstOrDefault()?.Id;
        if (Person is { } person && (await preview.GetAsync(Actor, Id, person, HttpContext.RequestAborted)) is { IsOk: true } shown) Preview = shown.Value;
        return Page();
    }

    private async Task<IActionResult?> LoadAsync()
    {
        var actor = await LoadActorAsync();
        var incident = await LoadIncidentAsync(workspace, Id);
        if (!incident.IsOk) return Refusal(incident.Status);
        if (!Allows(Operation.AccessPeople, Id)) return Forbid();
        People = (await register.ListAsync(actor, Id, "notice page", 200, HttpContext.RequestAborted)).Value!;
        await LoadLanguagesAsync();
        return null;
    }

    private async Task LoadLanguagesAsync()
    {
        (Needs, Fallbacks) = (await notices.LanguagesAsync(Actor, Id, HttpContext.RequestAborted)).Value;
    }
}
