using Compliance.Domain.Rules.Assessment;
using Compliance.Domain.Rules.Catalogue;
using Compliance.Domain.Vocabulary;

namespace Compliance.Jobs.Filings;

/// <summary>
/// The duty a filing answers: the catalogue's regulator duty for a jurisdiction, its authority, and what the rules
/// engine made of it for these facts (<see cref="Obligation"/> is null when the engine found no such duty,
/// e.g. below a threshold, and the filing is then voluntary).
/// </summary>
public sealed record RegulatorDuty(
    JurisdictionCode Jurisdiction,
    Regime Regime,
    RegimeVersion Version,
    DutyRule Duty,
    Authority Authority,
    string AuthorityName,
    AssessedObligation? Obligation,
    int AffectedHere,
    int AffectedTotal);
