using Compliance.Domain.Rules.Assessment;
using Compliance.Domain.Vocabulary;

namespace Compliance.Domain.Rules.Catalogue;

/// <summary>Checks one duty of a version (its stage, sources, verification tag, notice rules and law-enforcement delay) and compiles it.</summary>
internal static class DutyCompiler
{
    public static DutyRule Compile(DutyDto d, string path, IReadOnlyList<DutyRule> earlier)
    {
        if (string.IsNullOrWhiteSpace(d.Id)) throw new CatalogueException($"{path}: id is missing.");
        if (string.IsNullOrWhiteSpace(d.Reason)) throw new CatalogueException($"{path}: reason is missing.");
        if (d.Sources.Count == 0) throw new CatalogueException($"{path}: a duty must cite at least one source.");
        var verification = Tag(d.Verification, $"{path}.verification");
        string[] stages = ["initial", "detailed", "final", "complement"];
        if (!stages.Contains(d.Stage)) throw new CatalogueException($"{path}: stage '{d.Stage}' is not one of {string.Join(", ", stages)}.");
        var reason = d.Reason.Trim();
        if (verification == Verification.M) reason += " Verify with counsel: this rule rests on an unverified source.";
        var recipient = ConditionCompiler.Parse<Recipient>(d.Recipient, $"{path}.recipient");
        var when = d.When is null ? null : ConditionCompiler.Compile(d.When, $"{path}.when");
        if (d.ProhibitedContent.Count != (d.Notice?.ForbiddenFields.Count ?? 0))   // the words, and the field the notice check forbids
            throw new CatalogueException($"{path}: prohibitedContent needs one notice.forbiddenFields entry per line, and each forbidden field a line saying it.");
        return new DutyRule
        {
            Id = d.Id,
            Recipient = recipient,
            Authority = d.Authority,
            Stage = d.Stage,
            Mandatory = d.Mandatory,
            Once = d.Once,
            When = when?.Holds,
            WhenCondition = when,
            Deadline = d.Deadline is null ? Clock.None : ClockCompiler.Compile(d.Deadline, $"{path}.deadline", earlier),
            Latest = d.Latest is null ? null : ClockCompiler.Compile(d.Latest, $"{path}.latest", earlier),
            Target = d.Target is null ? null : ClockCompiler.Compile(d.Target, $"{path}.target", earlier),
            RollForward = d.RollForward is null ? null : ClockCompiler.Calendar(d.RollForward, $"{path}.rollForward"),
            Retention = d.Retention is null ? null : ClockCompiler.Compile(d.Retention, $"{path}.retention"),
            Reason = reason,
            Content = d.Content,
            ProhibitedContent = d.ProhibitedContent,
            Sources = d.Sources,
            Verification = verification,
            LawEnforcementDelay = d.LawEnforcementDelay is { } le ? Compile(le, recipient, $"{path}.lawEnforcementDelay") : null,
            Notice = d.Notice is { } n ? Compile(n, recipient, $"{path}.notice") : null,
        };
    }

    private static NoticeRules Compile(NoticeRulesDto n, Recipient recipient, string path)
    {
        if (recipient != Recipient.Individuals) throw new CatalogueException($"{path}: notice rules belong to a notice to individuals.");
        if (string.IsNullOrWhiteSpace(n.Citation)) throw new CatalogueException($"{path}.citation is missing.");
        foreach (var field in n.RequiredFields.Concat(n.ForbiddenFields))
            if (!Compliance.Domain.Notices.NoticeParts.All.Contains(field)) throw new CatalogueException($"{path}: '{field}' is not a notice field ({string.Join(", ", Compliance.Domain.Notices.NoticeParts.All)}).");
        return new NoticeRules(n.Citation, n.RequiredFields, n.RequiredText, n.ForbiddenFields);
    }

    private static LawEnforcementDelay Compile(LawEnforcementDelayDto le, Recipient recipient, string path)
    {
        // Law reference §0.9: the hold is for notices to people; regulator clocks keep running.
        if (recipient != Recipient.Individuals) throw new CatalogueException($"{path}: only a notice to individuals may be held for law enforcement.");
        if (le.Sources.Count == 0) throw new CatalogueException($"{path}: cite the source that allows the delay.");
        return new LawEnforcementDelay(le.Sources, Tag(le.Verification, $"{path}.verification"), le.Note);
    }

    private static Verification Tag(string text, string path) => text switch
    {
        "V" => Verification.V,
        "S" => Verification.S,
        "M" => Verification.M,
        _ => throw new CatalogueException($"{path} must be V, S or M."),
    };
}
