using Compliance.Domain.Rules.Assessment;
using Compliance.Domain.Vocabulary;
using NodaTime;

namespace Compliance.Jobs.Filings;

/// <summary>
/// The duty a filing answers, with the rule's terms the filing cites: the stored duty's snapshot for an incident's
/// filing, or the catalogue's regulator duty for a what-if filing. <see cref="Deadline"/> is null when the engine
/// found no such duty for these facts (e.g. below a threshold), and the filing is then voluntary.
/// </summary>
public sealed record RegulatorDuty(
    JurisdictionCode Jurisdiction,
    string RuleId,
    string RegimeName,
    string RuleVersion,
    Verification Verification,
    IReadOnlyList<string> Content,
    DateTimeZone Zone,
    string AuthorityName,
    DutyDeadline? Deadline,
    int AffectedHere,
    int AffectedTotal);

/// <summary>Whether the duty is mandatory and its limits, as computed (and, for a stored duty, as frozen).</summary>
public sealed record DutyDeadline(bool Mandatory, Instant? Deadline, Instant? LatestDeadline);
