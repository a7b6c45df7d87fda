using Compliance.Domain.Obligations;
using Compliance.Domain.Rules.Catalogue;
using Compliance.Domain.Vocabulary;

namespace Compliance.Jobs.Notices;

/// <summary>
/// What a notice to people must say, and must not say, for one jurisdiction: the fields a template must use, literal
/// headings, and fields it must never show (a required text may give its versions in other languages, separated by "|":
/// any one will do). Sending is blocked until a notice passes. The rules live in the catalogue (a duty's <c>notice</c>);
/// an incident's notices go by the snapshot its stored duty to individuals kept, so a later correction of the catalogue
/// does not change what an incident's notice was checked against.
/// </summary>
public sealed record NoticeRequirements(string Source, IReadOnlyList<string> RequiredFields, IReadOnlyList<string> RequiredText, IReadOnlyList<string> ForbiddenFields)
{
    public static NoticeRequirements From(NoticeRules rules) => new(rules.Citation, rules.RequiredFields, rules.RequiredText, rules.ForbiddenFields);

    /// <summary>Where no law here says what a notice must contain: GDPR Art. 34(2)'s four items, as the catalogue states them.</summary>
    public static NoticeRequirements GoodPractice { get; } = From(
        RuleCatalogue.Default.RegimesWithDuty("eu-gdpr-art34")[0].Versions.SelectMany(v => v.Duties).First(d => d.Id == "eu-gdpr-art34").Notice!);

    /// <summary>
    /// The requirements for people in <paramref name="jurisdiction"/>: the snapshot of the incident's stored duty to
    /// individuals under that jurisdiction's law when there is one; otherwise (no duty was triggered, or a what-if
    /// check) the catalogue's current rules for that law. A subdivision whose law has none takes its country's (Quebec and
    /// British Columbia notices are checked against PIPEDA's list, as before the rules moved into the catalogue);
    /// otherwise <see cref="GoodPractice"/>.
    /// </summary>
    public static NoticeRequirements For(string jurisdiction, IEnumerable<Obligation>? storedDuties = null, RuleCatalogue? catalogue = null)
    {
        catalogue ??= RuleCatalogue.Default;
        if (!JurisdictionCode.TryParse(jurisdiction, out var parsed)) return GoodPractice;
        var code = parsed.Value;
        var stored = (storedDuties ?? []).Where(d => d.Recipient == Recipient.Individuals && d.Status != ObligationStatus.Superseded).ToList();
        return Own(code, stored, catalogue)
               ?? (code.IsSubdivision ? Own(JurisdictionCode.Parse(code.Country), stored, catalogue) : null)
               ?? GoodPractice;
    }

    private static NoticeRequirements? Own(JurisdictionCode code, List<Obligation> stored, RuleCatalogue catalogue)
    {
        var regimes = catalogue.RegimesFor(code);
        foreach (var duty in stored)
        {
            if (!catalogue.RegimesWithDuty(duty.RuleId).Any(regimes.Contains)) continue;
            // The duty's snapshot decides, even when it had no notice rules: today's catalogue does not rewrite it.
            if (duty.TermsSnapshot is { } terms) return terms.Notice is { } rules ? From(rules) : null;
        }
        foreach (var regime in regimes)
            foreach (var version in regime.Versions) // newest first
                if (version.Duties.FirstOrDefault(d => d.Recipient == Recipient.Individuals && d.Notice is not null)?.Notice is { } rules)
                    return From(rules);
        return null;
    }
}
