namespace Compliance.Jobs.Notices;

/// <summary>
/// What a notice to people must say, and must not say, per jurisdiction (shared/law/reference.md): the fields a
/// template must use, literal headings, and fields it must never show (a required text may give its versions in other languages, separated by "|": any one will do). Sending is blocked until a notice passes.
/// </summary>
public sealed record NoticeRequirements(string Source, IReadOnlyList<string> RequiredFields, IReadOnlyList<string> RequiredText, IReadOnlyList<string> ForbiddenFields)
{
    // GDPR Art. 34(2) (and UK GDPR): the nature of the breach, a contact point, likely consequences, measures.
    private static readonly NoticeRequirements Gdpr = new("GDPR Art. 34(2)", ["nature", "contact", "consequences", "measures"], [], []);

    private static readonly Dictionary<string, NoticeRequirements> ByJurisdiction = new(StringComparer.Ordinal)
    {
        // PIPEDA s.3 of the Breach of Security Safeguards Regulations.
        ["CA"] = new("PIPEDA Regulations s.3", ["nature", "period", "categories", "measures", "advice", "contact"],
            ["Privacy Commissioner of Canada|Commissariat à la protection de la vie privée du Canada"], []),
        // Cal. Civ. Code §1798.82: titled "Notice of Data Breach" with these headings.
        ["US-CA"] = new("Cal. Civ. Code §1798.82", ["nature", "categories", "measures", "advice", "contact", "period", "noticeDate"],
            ["Notice of Data Breach", "What Happened", "What Information Was Involved", "What We Are Doing", "What You Can Do", "For More Information"], []),
        // M.G.L. c.93H §3: must NOT state the nature of the breach or the number of residents affected; must tell of police reports and security freezes.
        ["US-MA"] = new("M.G.L. c.93H §3", ["contact"], ["police report", "security freeze"], ["nature", "count"]),
        // 815 ILCS 530/10: must NOT include the number of Illinois residents affected; CRA and FTC contacts.
        ["US-IL"] = new("815 ILCS 530/10", ["contact"], ["Federal Trade Commission", "fraud alerts", "security freezes"], ["count"]),
    };

    public static NoticeRequirements For(string jurisdiction) =>
        ByJurisdiction.GetValueOrDefault(jurisdiction) ?? ByJurisdiction.GetValueOrDefault(jurisdiction.Split('-')[0]) ?? Gdpr;
}
