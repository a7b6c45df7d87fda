using System.Globalization;
using Compliance.Domain.Obligations;
using Compliance.Domain.Rules.Engine;
using Compliance.Domain.Vocabulary;
using NodaTime;

namespace Compliance.Jobs.Filings;

/// <summary>
/// Builds the content of a filing for one jurisdiction's authority: the regulator duty from the rule catalogue,
/// the layout for it, each field filled from the request, the missing required fields, and a checklist of the
/// duty's content items. Pure: the same request, jurisdiction and time give the same document and hash.
/// </summary>
public sealed class FilingComposer(RulesEngine engine, FilingTemplates templates)
{
    public static FilingComposer Default { get; } = new(RulesEngine.Default, FilingTemplates.Default);

    /// <param name="preparedAt">The filing time when the request has no <c>filedAt</c>.</param>
    public FilingDocument Compose(FilingRequest request, string jurisdiction, Instant preparedAt) =>
        Compose(request, RegulatorDutyFinder.Find(jurisdiction, request.Facts, engine), preparedAt);

    /// <summary>The filing for a stored duty: it cites the rule, version and content the duty kept, not today's catalogue.</summary>
    public FilingDocument Compose(FilingRequest request, Obligation stored, Instant preparedAt) =>
        Compose(request, RegulatorDutyFinder.FromStored(stored, request.Facts, engine), preparedAt);

    private FilingDocument Compose(FilingRequest request, RegulatorDuty duty, Instant preparedAt)
    {
        var labels = templates.Common(request.Language)
            ?? throw new FilingInputException("language", $"'{request.Language}' has no filing templates; use one of {string.Join(", ", templates.Languages.Order())}.");
        var template = templates.For(duty.RuleId, request.Language)
            ?? throw new FilingInputException("language", $"there is no '{request.Language}' layout for {duty.AuthorityName}.");
        var filedAt = request.FiledAt ?? preparedAt;
        var values = new FilingValues(request, duty, template, labels);
        var late = values.IsLate(filedAt);
        var stage = labels.Stages[KebabCase<FilingStage>.ToId(request.Stage)];
        string Fill(string text) => text.Replace("{authority}", duty.AuthorityName).Replace("{jurisdiction}", duty.Jurisdiction.Value);

        var sections = new List<FilingBlock>();
        var missing = new List<MissingField>();
        var answered = new Dictionary<int, List<(string Label, bool Missing)>>();
        foreach (var section in template.Sections)
        {
            sections.Add(new HeadingBlock(section.Heading));
            foreach (var field in section.Fields)
            {
                var label = Fill(field.Label);
                var value = values.Get(field.Value) is { } raw ? FilingText.Clean(raw) : "";
                var required = field.Required || field.RequiredWhenLate && late;
                if (value.Length == 0 && !required) continue; // an optional field left empty is simply not part of this filing
                var isMissing = value.Length == 0;
                if (isMissing) missing.Add(new MissingField(section.Heading, label, FilingValueId.InputFieldFor(field.Value)));
                sections.Add(new FieldBlock(label, isMissing ? Format(labels.Missing["value"], label) : value, isMissing, field.Wide));
                foreach (var item in field.Covers)
                {
                    if (!answered.TryGetValue(item, out var list)) answered[item] = list = [];
                    list.Add((label, isMissing));
                }
            }
        }

        var blocks = new List<FilingBlock>();
        blocks.AddRange(About(duty, labels, stage, filedAt));
        if (missing.Count > 0)
        {
            blocks.Add(new NoteBlock(Format(labels.Missing["warning"], missing.Count), Warning: true));
            blocks.AddRange(missing.Select(m => new NoteBlock("• " + Format(labels.Missing["item"], m.Label, m.Section), Warning: true)));
        }
        blocks.AddRange(sections);
        blocks.AddRange(RiskAssessment(request, values, labels, duty.Zone));
        blocks.AddRange(Checklist(duty, template, labels, answered));

        var title = template.Title;
        var subtitle = Fill(template.Subtitle);
        return new FilingDocument
        {
            Layout = template.Layout,
            Language = template.Language,
            Title = title,
            Subtitle = subtitle,
            StageLabel = stage,
            Author = request.OrganisationName is { } org ? FilingText.Clean(org) : "",
            FiledAt = filedAt,
            Zone = duty.Zone,
            Blocks = blocks,
            Missing = missing,
            HashFooter = labels.Footer["hash"],
            PageFooter = labels.Footer["page"],
        };
    }

    private static IEnumerable<FilingBlock> About(RegulatorDuty duty, CommonLabels labels, string stage, Instant filedAt)
    {
        var about = labels.About;
        var status = duty.Deadline is null ? about["notFound"] : duty.Deadline.Mandatory ? about["mandatory"] : about["voluntary"];
        yield return new HeadingBlock(about["heading"]);
        yield return new FieldBlock(about["authority"], duty.AuthorityName, false, false);
        yield return new FieldBlock(about["jurisdiction"], duty.Jurisdiction.Value, false, false);
        yield return new FieldBlock(about["stage"], stage, false, false);
        yield return new FieldBlock(about["prepared"], FilingDates.Format(filedAt, duty.Zone), false, false);
        yield return new FieldBlock(about["rule"], $"{duty.RuleId} ({duty.RegimeName}, version {duty.RuleVersion}) [{duty.Verification}]", false, false);
        yield return new FieldBlock(about["status"], status, false, false);
    }

    /// <summary>
    /// The organisation's risk judgement as regulators ask it documented: the level confirmed, what the guided assessment
    /// proposed and why (each reason with its factor and source), the rationale, and who confirmed it when.
    /// </summary>
    private static IEnumerable<FilingBlock> RiskAssessment(FilingRequest request, FilingValues values, CommonLabels labels, NodaTime.DateTimeZone zone)
    {
        var a = request.RiskAssessment;
        var rationale = FilingText.Clean(request.RiskRationale);
        if (a is null && rationale.Length == 0) yield break;
        var l = labels.RiskAssessment;
        string Level(RiskLevel level) => labels.Risk[KebabCase<RiskLevel>.ToId(level)];
        yield return new HeadingBlock(l["heading"]);
        yield return new FieldBlock(l["level"], values.Get(FilingValueId.Risk) ?? "", false, false);
        if (a is not null)
        {
            yield return new FieldBlock(l["proposed"], Level(a.ProposedLevel), false, false);
            var reasons = a.Reasons.Select(r => "• " + Format(l["reason"], r.Factor, Level(r.Level), r.Explanation, r.Source));
            yield return new FieldBlock(l["reasons"], FilingText.Clean(string.Join("\n", reasons)), false, true);
        }
        if (rationale.Length > 0) yield return new FieldBlock(l["rationale"], rationale, false, true);
        if (a is not null) yield return new NoteBlock(Format(l["confirmed"], FilingText.Clean(a.ConfirmedBy), FilingDates.Format(a.ConfirmedAt, zone)), Warning: false);
    }

    private static IEnumerable<FilingBlock> Checklist(RegulatorDuty duty, FilingTemplate template, CommonLabels labels, Dictionary<int, List<(string Label, bool Missing)>> answered)
    {
        var c = labels.Checklist;
        yield return new HeadingBlock(c["heading"]);
        var content = duty.Content;
        if (content.Count == 0)
        {
            yield return new NoteBlock(c["none"], Warning: false);
            yield break;
        }
        yield return new NoteBlock(Format(c["intro"], duty.RuleId), Warning: false);
        for (var i = 0; i < content.Count; i++)
        {
            var item = char.ToUpperInvariant(content[i][0]) + content[i][1..];
            if (template.IsGeneric || !answered.TryGetValue(i, out var fields))
            {
                yield return new ChecklistBlock(item, c["check"], false);
                continue;
            }
            var gaps = fields.Where(f => f.Missing).Select(f => f.Label).ToList();
            yield return gaps.Count > 0
                ? new ChecklistBlock(item, Format(c["missing"], string.Join("; ", gaps)), true)
                : new ChecklistBlock(item, Format(c["answered"], string.Join("; ", fields.Select(f => f.Label))), false);
        }
    }

    private static string Format(string pattern, params object[] values) => string.Format(CultureInfo.InvariantCulture, pattern, values);
}
