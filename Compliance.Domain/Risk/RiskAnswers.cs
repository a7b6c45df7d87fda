namespace Compliance.Domain.Risk;

/// <summary>ENISA's "ease of identification": how easily the people can be told from the data that got out.</summary>
public enum Identification { Negligible, Limited, Significant, Maximum }

/// <summary>PIPEDA's "probability that the information has been, is being or will be misused".</summary>
public enum Misuse { NoSign, Possible, Observed }

/// <summary>EDPB 9/2022's "severity of consequences" for the people, at worst and as far as can be foreseen.</summary>
public enum Consequences { Minor, Significant, Severe }

/// <summary>The three kinds of breach EDPB 9/2022 and ENISA name: the data seen, altered, or made unavailable.</summary>
public enum SecurityLoss { Confidentiality, Integrity, Availability }

/// <summary>
/// What the person answers in the guided risk assessment. The incident's own facts (categories, counts,
/// exfiltration, encryption, cause) are not asked again; see <see cref="RiskFacts"/>.
/// </summary>
public sealed record RiskAnswers
{
    /// <summary>A state or state-sponsored group is, or may be, behind the breach.</summary>
    public bool StateActor { get; init; }

    /// <summary>The data could be used to watch or track people: their contacts, communications, movements.</summary>
    public bool Surveillance { get; init; }

    /// <summary>People or their families could face reprisal: arrest, violence, harassment, loss of work.</summary>
    public bool Reprisal { get; init; }

    /// <summary>The data reveals political opinion, or membership of or support for the organisation or a movement.</summary>
    public bool PoliticalExposure { get; init; }

    /// <summary>Children or vulnerable people: refugees, survivors, detainees, people at risk in their country.</summary>
    public bool VulnerablePeople { get; init; }

    public Identification Identification { get; init; } = Identification.Maximum;

    public IReadOnlyList<SecurityLoss> Lost { get; init; } = [];

    public Misuse Misuse { get; init; } = Misuse.Possible;

    public Consequences Consequences { get; init; } = Consequences.Significant;

    /// <summary>The answers that point at the harms human-rights NGOs face and fraud-centred tools ignore.</summary>
    public bool AnyNgoHarm => StateActor || Surveillance || Reprisal || PoliticalExposure;
}
