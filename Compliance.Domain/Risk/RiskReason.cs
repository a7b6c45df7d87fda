using Compliance.Domain.Vocabulary;

namespace Compliance.Domain.Risk;

/// <summary>
/// One factor's contribution to a proposal: which factor, the level it points to, why in plain words, and the
/// guidance or law that names the factor.
/// </summary>
public sealed record RiskReason(string Factor, RiskLevel Level, string Explanation, string Source);

/// <summary>The level the assessment proposes (the highest any reason points to) and every reason, highest first.</summary>
public sealed record RiskProposal(RiskLevel Level, IReadOnlyList<RiskReason> Reasons, decimal EnisaScore);
