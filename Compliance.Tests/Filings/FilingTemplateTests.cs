using Compliance.Domain.Rules.Catalogue;
using Compliance.Jobs.Filings;

namespace Compliance.Tests.Filings;

// The layouts are data; these tests keep them in step with the rule catalogue they answer.
public sealed class FilingTemplateTests
{
    [Fact]
    public void The_embedded_templates_load_with_an_English_layout_for_each_authority()
    {
        var layouts = FilingTemplates.Default.Layouts.Select(t => t.Layout).ToHashSet();
        Assert.Equal(["gdpr-art33", "generic", "ico", "oaic", "opc", "pcpd", "pdpc", "texas-ag"], layouts.Order());
        Assert.NotNull(FilingTemplates.Default.Common("en"));
    }

    [Fact]
    public void Every_content_item_of_each_duty_is_answered_by_a_field_of_its_layout()
    {
        foreach (var template in FilingTemplates.Default.Layouts.Where(t => !t.IsGeneric))
        {
            var covered = template.Sections.SelectMany(s => s.Fields).SelectMany(f => f.Covers).ToHashSet();
            foreach (var rule in template.Rules)
                foreach (var duty in FilingTemplates.DutiesWithId(RuleCatalogue.Default, rule))
                    for (var i = 0; i < duty.Content.Count; i++)
                        Assert.True(covered.Contains(i), $"{template.Layout}: no field covers item {i} of {rule}: \"{duty.Content[i]}\"");
        }
    }

    [Fact]
    public void A_layout_pointing_past_the_end_of_a_duty_content_list_does_not_load()
    {
        var broken = File.ReadAllText(TemplateFile("pcpd.en.json")).Replace("\"covers\": [6]", "\"covers\": [7]");
        var e = Assert.Throws<FilingTemplateException>(() => FilingTemplates.Parse([("common.en.json", File.ReadAllText(TemplateFile("common.en.json"))), ("pcpd.en.json", broken)], RuleCatalogue.Default));
        Assert.Contains("covers [7], but duty 'hk-pdpo-pcpd' has 7 content items", e.Message);
    }

    [Fact]
    public void A_layout_with_an_unknown_value_does_not_load()
    {
        var broken = File.ReadAllText(TemplateFile("pcpd.en.json")).Replace("\"value\": \"discovery\"", "\"value\": \"shoeSize\"");
        var e = Assert.Throws<FilingTemplateException>(() => FilingTemplates.Parse([("common.en.json", File.ReadAllText(TemplateFile("common.en.json"))), ("pcpd.en.json", broken)], RuleCatalogue.Default));
        Assert.Contains("value 'shoeSize' is not one of", e.Message);
    }

    private static string TemplateFile(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "templates", "filings", name);
            if (File.Exists(path)) return path;
        }
        throw new FileNotFoundException(name);
    }
}
