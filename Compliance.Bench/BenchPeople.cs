using CsvHelper;

namespace Compliance.Bench;

/// <summary>
/// Fictional affected people for <c>bench notices</c>, written as the CSV an organisation would upload: Hong Kong
/// supporters mostly in Traditional Chinese, Canadians in English or French, the French in French, Californians in
/// English; names in Han, Latin with accents, Cyrillic, Greek, Hangul, Arabic and Devanagari; every email unique.
/// The same count always gives the same file.
/// </summary>
public static class BenchPeople
{
    public static readonly string[] Columns = ["name", "email", "jurisdiction", "language"];

    private static readonly string[] ChineseSurnames = ["陳", "李", "張", "黃", "何", "林", "周", "吳", "梁", "王"];
    private static readonly string[] ChineseGiven = ["大文", "美玲", "志明", "嘉欣", "家豪", "詠琪", "子謙", "曉彤", "偉強", "淑芬"];
    private static readonly string[] RomanisedHongKong = ["Chan Tai Man", "Lee Mei Ling", "Cheung Chi Ming", "Wong Ka Yan", "Ho Ka Ho", "Lam Wing Ki"];
    private static readonly string[] FrenchNames = ["Émilie Lefèvre", "Théo Bérubé", "Chloé Côté", "François Girard", "Zoé Moreau", "Benoît Rousseau", "Léa Dubois", "Hélène Gagné"];
    private static readonly string[] EnglishNames = ["Alex Morgan", "Jordan Nguyen", "Sam Patel", "Taylor Garcia", "Maria Hernández", "Chris O'Brien", "Jamie Smith", "Priya Raman"];
    private static readonly string[] OtherScripts = ["Анна Петрова", "Γιώργος Παπαδόπουλος", "김민준", "ليلى حداد", "प्रिया शर्मा", "佐藤 花子", "Oleksandr Kovalenko"];
    private static readonly string[] Domains = ["example.org", "example.net", "example.com"];

    public sealed record Person(string Name, string Email, string Jurisdiction, string Language);

    /// <summary>Four in ten in Hong Kong, a quarter in California, a fifth in Canada, the rest in France.</summary>
    public static IEnumerable<Person> Generate(int count)
    {
        var random = new Random(20190315);
        for (var i = 0; i < count; i++)
        {
            var email = $"supporter.{i:D7}@{Domains[i % Domains.Length]}";
            var roll = random.Next(100);
            var pick = random.Next(1000);
            yield return roll switch
            {
                < 32 => new Person(ChineseSurnames[pick % 10] + ChineseGiven[pick / 10 % 10], email, "HK", "zh-Hant"),
                < 40 => new Person(RomanisedHongKong[pick % RomanisedHongKong.Length], email, "HK", "en"),
                < 55 => new Person(pick % 4 == 0 ? OtherScripts[pick % OtherScripts.Length] : EnglishNames[pick % EnglishNames.Length], email, "CA", "en"),
                < 60 => new Person(FrenchNames[pick % FrenchNames.Length], email, "CA", "fr"),
                < 75 => new Person(FrenchNames[pick % FrenchNames.Length], email, "FR", "fr"),
                _ => new Person(pick % 3 == 0 ? OtherScripts[pick % OtherScripts.Length] : EnglishNames[pick % EnglishNames.Length], email, "US-CA", "en"),
            };
        }
    }

    public static async Task WriteCsvAsync(string path, int count)
    {
        await using var file = File.Create(path);
        await using var csv = CsvWriter.Create(file, new CsvWriterOptions { Injection = CsvInjection.Escape });
        foreach (var column in Columns) csv.WriteField(column);
        csv.EndRecord();
        foreach (var p in Generate(count))
        {
            csv.WriteField(p.Name);
            csv.WriteField(p.Email);
            csv.WriteField(p.Jurisdiction);
            csv.WriteField(p.Language);
            csv.EndRecord();
        }
    }
}
