namespace Compliance.Jobs.Filings;

/// <summary>
/// Which filing of a series this is: GDPR Art. 33(4) allows information in phases, Japan has preliminary and final
/// reports, Brazil a complement. Ids are kebab-case: initial, follow-up, final.
/// </summary>
public enum FilingStage { Initial, FollowUp, Final }
