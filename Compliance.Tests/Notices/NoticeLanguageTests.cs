using Compliance.Domain.People;
using Compliance.Domain.Vocabulary;
using Compliance.Jobs.Notices;
using Compliance.Jobs.Reminders;
using NodaTime;

namespace Compliance.Tests.Notices;

// Issue 13: a notice reads as one language from its greeting to its list of data, whatever language its reader has.
public sealed class NoticeLanguageTests
{
    private static readonly string[] Required = ["en", "fr", "es", "zh-Hant", "zh-Hans", "ar", "pt"];

    /// <summary>Every language some notice template is written in (templates/notices/{jurisdiction}/{language}).</summary>
    private static IEnumerable<string> TemplateLanguages() =>
        Directory.GetDirectories(Path.Combine(TemplateLibrary.Default.Root, "notices")).SelectMany(Directory.GetDirectories).Select(Path.GetFileName).OfType<string>().Distinct();

    private static readonly Dictionary<string, string> English = new()
    {
        ["nature"] = "An intruder copied our supporter database.", ["period"] = "March 2019", ["consequences"] = "You could be targeted.",
        ["measures"] = "We removed the intruder.", ["advice"] = "Be wary of messages that claim to come from us.", ["contact"] = "privacy@demo.example",
    };

    private static readonly Dictionary<string, string> Chinese = new()
    {
        ["nature"] = "入侵者複製了我們的支持者資料庫。", ["period"] = "2019 年 3 月", ["consequences"] = "您可能會成為針對目標。",
        ["measures"] = "我們已清除入侵者。", ["advice"] = "請小心自稱來自我們的訊息。", ["contact"] = "privacy@demo.example",
    };

    private static IReadOnlyDictionary<string, string> Frozen(params (string Language, Dictionary<string, string> Text)[] texts) =>
        NoticeFields.Thaw(NoticeFields.Freeze(texts.ToDictionary(t => t.Language, t => t.Text), "Demo Rights Alliance", Enum.GetValues<DataCategory>(), 1200));

    private static NoticeTemplates.Rendered Render(string jurisdiction, string language, string name, IReadOnlyDictionary<string, string> frozen) =>
        NoticeTemplates.Default.Render(jurisdiction, language, NoticeFields.ForPerson(frozen, name, new LocalDate(2026, 12, 4)));

    [Fact]
    public void Every_data_category_has_its_own_label_in_every_language_a_notice_is_written_in()
    {
        var languages = TemplateLanguages().Concat(Required).Distinct().ToList();
        Assert.Superset(Required.ToHashSet(), TemplateLanguages().ToHashSet()); // the templates cover the languages asked for
        var missing = new List<string>();
        foreach (var language in languages)
            foreach (var category in Enum.GetValues<DataCategory>())
            {
                var label = CategoryLabels.Of(category, language);
                if (string.IsNullOrWhiteSpace(label)) missing.Add($"{language}/{category}: none");
                else if (language != "en" && label == CategoryLabels.Of(category, "en")) missing.Add($"{language}/{category}: the English words");
            }
        Assert.Empty(missing);
    }

    [Fact]
    public void A_Traditional_Chinese_notice_lists_the_data_taken_in_Chinese_with_no_English_label()
    {
        var notice = Render("HK", "zh-Hant", "陳大文", Frozen(("en", English), ("zh-Hant", Chinese)));

        Assert.Equal("zh-Hant", notice.Language);
        Assert.Contains("涉及的資料：姓名、電郵地址、電話號碼", notice.Text);
        Assert.Contains("政治意見", notice.Html);
        foreach (var category in Enum.GetValues<DataCategory>())
        {
            var english = CategoryLabels.Of(category, "en")!;
            Assert.DoesNotContain(english, notice.Text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(english, System.Net.WebUtility.HtmlDecode(notice.Html), StringComparison.OrdinalIgnoreCase);
        }
        Assert.Contains(Chinese["nature"], notice.Text);
        Assert.DoesNotContain(English["nature"], notice.Text);
    }

    [Fact]
    public void Each_reader_gets_the_text_written_in_their_notices_language()
    {
        var frozen = Frozen(("en", English), ("zh-Hant", Chinese));
        var english = Render("HK", "en", "Lee Wai Ling", frozen);
        Assert.Contains("What happened: " + English["nature"], english.Text);
        Assert.Contains("Which of your data: Name, Email address", english.Text);
        Assert.DoesNotContain(Chinese["nature"], english.Text);
    }

    [Theory]
    [InlineData("en", "Chan Tai Man", "Dear Chan Tai Man,")]
    [InlineData("fr", "Marie Dubois", "Bonjour Marie Dubois,")]
    [InlineData("es", "Lucía Pérez", "Hola, Lucía Pérez:")]
    [InlineData("pt", "João Silva", "Olá, João Silva,")]
    [InlineData("zh-Hant", "陳大文", "陳大文您好：")]
    [InlineData("zh-Hant", "Chan Tai Man", "Chan Tai Man 您好：")]
    [InlineData("zh-Hans", "王芳", "尊敬的王芳：")]
    [InlineData("ar", "ليلى حداد", "مرحبًا ليلى حداد،")]
    [InlineData("fr", "", "Madame, Monsieur,")]
    [InlineData("zh-Hant", " ", "您好：")]
    public void A_notice_opens_with_the_greeting_its_language_uses_without_guessing_a_gender(string language, string name, string greeting) =>
        Assert.Equal(greeting, Greeting.For(language, name));

    [Theory]
    [InlineData("default", "fr", "Marie Dubois", "Bonjour Marie Dubois,")]
    [InlineData("default", "es", "Lucía Pérez", "Hola, Lucía Pérez:")]
    [InlineData("default", "ar", "ليلى حداد", "مرحبًا ليلى حداد،")]
    [InlineData("CA", "fr", "Marie Dubois", "Bonjour Marie Dubois,")]
    public void Rendered_notices_greet_the_reader_naturally(string jurisdiction, string language, string name, string greeting)
    {
        var text = new Dictionary<string, string>(English);
        var notice = Render(jurisdiction == "default" ? "FR" : jurisdiction, language, name, Frozen((language, text)));
        Assert.StartsWith(greeting, notice.Text.TrimStart());
        Assert.Contains($"<p>{greeting}</p>", System.Net.WebUtility.HtmlDecode(notice.Html));
        Assert.DoesNotContain("/a ", notice.Text); // no "Estimado/a", no "عزيزي/عزيزتي"
        Assert.DoesNotContain("Madame, Monsieur " + name, notice.Text);
    }

    [Fact]
    public void Every_template_language_has_a_greeting_of_its_own() =>
        Assert.Subset(Greeting.Languages.ToHashSet(StringComparer.OrdinalIgnoreCase), TemplateLanguages().ToHashSet(StringComparer.OrdinalIgnoreCase));

    [Fact]
    public void A_reader_of_a_regional_variety_gets_the_template_of_their_language_not_English()
    {
        Assert.Equal(("CA", "fr"), NoticeTemplates.Default.Resolve("CA", "fr-CA"));
        Assert.Equal(("default", "zh-Hant"), NoticeTemplates.Default.Resolve("HK", "zh-HK"));
        Assert.Equal(("default", "pt"), NoticeTemplates.Default.Resolve("BR", "pt-BR"));
        Assert.Equal(("US-CA", "en"), NoticeTemplates.Default.Resolve("US-CA", "es")); // California's own template is in English only
    }

    [Fact]
    public void A_draft_saved_before_languages_reads_as_its_English_text()
    {
        var texts = NoticeTexts.Read("""{"nature":"An intruder copied our list.","contact":"dpo@demo.example"}""");
        Assert.Equal(["en"], texts.Keys);
        Assert.Equal("An intruder copied our list.", texts["en"]["nature"]);
        Assert.False(NoticeTexts.HasText(texts, "zh-Hant"));

        var both = NoticeTexts.Read(NoticeTexts.Write(new Dictionary<string, Dictionary<string, string>> { ["en"] = English, ["zh-Hant"] = Chinese }));
        Assert.Equal(Chinese["nature"], both["zh-Hant"]["nature"]);
    }
}
