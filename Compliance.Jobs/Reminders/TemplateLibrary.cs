using System.Collections.Concurrent;
using HandlebarsDotNet;

namespace Compliance.Jobs.Reminders;

/// <summary>
/// Handlebars templates from the templates/ folder shipped beside the binaries, compiled once. HTML templates
/// escape every value; text templates do not (they are never shown as HTML).
/// </summary>
public sealed class TemplateLibrary(string root)
{
    private readonly ConcurrentDictionary<(string Folder, string Language, string File), HandlebarsTemplate<object, object>> compiled = new();
    private static readonly IHandlebars Html = Handlebars.Create();
    private static readonly IHandlebars Text = Handlebars.Create(new HandlebarsConfiguration { NoEscape = true });

    public static TemplateLibrary Default { get; } = new(Path.Combine(AppContext.BaseDirectory, "templates"));

    public string Root => root;

    private readonly ConcurrentDictionary<string, IReadOnlyDictionary<string, string>> strings = new();

    /// <summary>The short phrases of a language (subjects, headings), with English for any the language lacks.</summary>
    public IReadOnlyDictionary<string, string> Strings(string folder, string language) => strings.GetOrAdd($"{folder}/{language}", _ =>
    {
        var english = Read(Path.Combine(root, folder, "en", "strings.json"));
        var path = Path.Combine(root, folder, language, "strings.json");
        if (language == "en" || !File.Exists(path)) return english;
        var merged = new Dictionary<string, string>(english);
        foreach (var (key, value) in Read(path)) merged[key] = value;
        return merged;
    });

    private static Dictionary<string, string> Read(string path) =>
        System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(path))
        ?? throw new InvalidDataException($"{path} is empty.");

    /// <summary>Renders e.g. "reminders/{language}/reminder.html", falling back to English when the language has none.</summary>
    public string Render(string folder, string language, string file, object model) =>
        compiled.GetOrAdd((folder, language, file), Compile)(model);

    // Found and compiled once per (folder, language, file): a campaign renders three templates per person.
    private HandlebarsTemplate<object, object> Compile((string Folder, string Language, string File) key)
    {
        var path = Path.Combine(root, key.Folder, key.Language, key.File);
        if (!File.Exists(path)) path = Path.Combine(root, key.Folder, "en", key.File);
        if (!File.Exists(path)) throw new FileNotFoundException($"Template '{path}' is missing; templates ship in the templates/ folder.", path);
        var engine = path.EndsWith(".html", StringComparison.Ordinal) ? Html : Text;
        return engine.Compile(File.ReadAllText(path));
    }
}
