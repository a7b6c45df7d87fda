using Compliance.Jobs.Notices;
using Compliance.Jobs.Reminders;

namespace Compliance.Tests.Notices;

// The notice templates people will receive: each renders, says what its law requires, and never what it forbids.
public sealed class NoticeTemplateTests
{
    private static readonly Dictionary<string, string?> Complete = new()
    {
        ["name"] = "陳大文",
        ["organisation"] = "Demo Rights Alliance",
        ["nature"] = "Intruders reached our supporter database and copied records.",
        ["period"] = "between 1 and 15 March 2019",
        ["categories"] = "your name, Hong Kong Identity Card number and contact details",
        ["consequences"] = "someone could pretend to be you or contact you unexpectedly",
        ["measures"] = "we closed the intruders' access and reset every password",
        ["advice"] = "be wary of messages asking for personal details",
        ["contact"] = "dpo@demo.example, +852 5555 0100",
        ["noticeDate"] = "22 November 2026",
        ["count"] = "2,400",
    };

    public static TheoryData<string, string> Shipped()
    {
        var data = new TheoryData<string, string>();
        var root = Path.Combine(TemplateLibrary.Default.Root, "notices");
        foreach (var folder in Directory.GetDirectories(root).Order())
            foreach (var language in Directory.GetDirectories(folder).Order())
                data.Add(Path.GetFileName(folder) == "default" ? "IE" : Path.GetFileName(folder), Path.GetFileName(language));
        return data;
    }

    [Theory]
    [MemberData(nameof(Shipped))]
    public void Every_shipped_template_renders_for_a_sample_person_and_passes_its_jurisdictions_checks(string jurisdiction, string language)
    {
        var notice = NoticeTemplates.Default.Render(jurisdiction, language, Complete);
        Assert.Equal(language, notice.Language);
        Assert.Contains("陳大文", notice.Text);
        Assert.NotEmpty(notice.Subject);
        Assert.Contains("<html", notice.Html);
        Assert.Empty(NoticeTemplates.Default.Check(jurisdiction, language, Complete));
    }

    [Fact]
    public void Arabic_notices_read_right_to_left()
    {
        var notice = NoticeTemplates.Default.Render("IE", "ar", Complete);
        Assert.Contains("dir=\"rtl\"", notice.Html);
        Assert.Contains("lang=\"ar\"", notice.Html);
    }

    [Fact]
    public void A_person_reads_the_notice_of_their_jurisdiction_in_their_language_or_English()
    {
        Assert.Equal(("default", "zh-Hant"), NoticeTemplates.Default.Resolve("HK", "zh-Hant"));
        Assert.Equal(("US-CA", "en"), NoticeTemplates.Default.Resolve("US-CA", "es"));
        Assert.Equal(("CA", "en"), NoticeTemplates.Default.Resolve("CA-ON", "en"));
        Assert.Equal(("default", "en"), NoticeTemplates.Default.Resolve("JP", "ja"));
    }

    [Fact]
    public void California_notices_carry_the_statutory_title_and_headings()
    {
        var notice = NoticeTemplates.Default.Render("US-CA", "en", Complete);
        Assert.Equal("Notice of Data Breach", notice.Subject);
        foreach (var heading in new[] { "What Happened", "What Information Was Involved", "What We Are Doing", "What You Can Do", "For More Information" })
            Assert.Contains(heading, notice.Text);
    }

    [Fact]
    public void Massachusetts_and_Illinois_notices_never_state_what_those_laws_forbid()
    {
        Assert.DoesNotContain("Intruders reached", NoticeTemplates.Default.Render("US-MA", "en", Complete).Text);
        Assert.DoesNotContain("2,400", NoticeTemplates.Default.Render("US-MA", "en", Complete).Text);
        Assert.DoesNotContain("2,400", NoticeTemplates.Default.Render("US-IL", "en", Complete).Text);
    }

    [Fact]
    public void A_template_that_states_a_forbidden_field_is_blocked()
    {
        var root = CopyOfTemplates();
        var file = Path.Combine(root, "notices", "US-MA", "en", "notice.txt");
        File.AppendAllText(file, "\n{{count}} Massachusetts residents were affected. {{nature}}\n");
        var problems = new NoticeTemplates(new TemplateLibrary(root)).Check("US-MA", "en", Complete);
        Assert.Contains("M.G.L. c.93H §3 forbids stating \"How many people were affected\" in the notice, but the US-MA template (en) does.", problems);
        Assert.Contains(problems, p => p.Contains("forbids stating \"What happened\""));
    }

    [Fact]
    public void A_missing_required_field_blocks_sending_until_it_is_filled()
    {
        var incomplete = new Dictionary<string, string?>(Complete) { ["contact"] = "", ["consequences"] = null };
        var problems = NoticeTemplates.Default.Check("IE", "en", incomplete);
        Assert.Contains("GDPR Art. 34(2) asks for \"Whom to ask (contact point)\": fill it in.", problems);
        Assert.Contains("GDPR Art. 34(2) asks for \"What it could mean for them\": fill it in.", problems);
        Assert.DoesNotContain(problems, p => p.Contains("'contact'")); // the words on the form, not the template's field ids
    }

    [Fact]
    public void Values_are_escaped_in_HTML_so_a_name_cannot_inject_markup()
    {
        var hostile = new Dictionary<string, string?>(Complete) { ["name"] = "<script>alert(1)</script>" };
        var notice = NoticeTemplates.Default.Render("IE", "en", hostile);
        Assert.DoesNotContain("<script>", notice.Html);
        Assert.Contains("&lt;script&gt;", notice.Html);
    }

    private static string CopyOfTemplates()
    {
        var target = Path.Combine(Path.GetTempPath(), $"templates-{Guid.NewGuid():N}");
        foreach (var file in Directory.GetFiles(TemplateLibrary.Default.Root, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(TemplateLibrary.Default.Root, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
        return target;
    }
}
