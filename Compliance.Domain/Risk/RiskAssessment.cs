using Compliance.Domain.Vocabulary;
using NodaTime;

namespace Compliance.Domain.Risk;

/// <summary>
/// An incident's guided risk assessment as last confirmed: the answers, what the method proposed and why, the level a
/// person confirmed (the incident's risk level, which the rules read), the rationale, who and when. Earlier
/// confirmations are in the audit log.
/// </summary>
public sealed class RiskAssessment
{
    private RiskAssessment() { AnswersJson = ""; ReasonsJson = ""; Rationale = ""; ConfirmedBy = ""; }

    public RiskAssessment(Guid organisationId, Guid incidentId)
        : this()
    {
        Id = Guid.NewGuid();
        OrganisationId = organisationId;
        IncidentId = incidentId;
    }

    public Guid Id { get; private set; }
    public Guid OrganisationId { get; private set; }
    public Guid IncidentId { get; private set; }
    public string AnswersJson { get; private set; }
    public RiskLevel ProposedLevel { get; private set; }
    public string ReasonsJson { get; private set; }
    public RiskLevel ConfirmedLevel { get; private set; }
    public string Rationale { get; private set; }
    public string ConfirmedBy { get; private set; }
    public Instant ConfirmedAt { get; private set; }

    public RiskAnswers Answers => RiskJson.Answers(AnswersJson);
    public IReadOnlyList<RiskReason> Reasons => RiskJson.Reasons(ReasonsJson);

    /// <summary>The person chose another level than the one proposed (and said why).</summary>
    public bool Overridden => ConfirmedLevel != ProposedLevel;

    public void Confirm(RiskAnswers answers, RiskProposal proposal, RiskLevel confirmed, string rationale, string by, Instant at)
    {
        AnswersJson = RiskJson.Text(RiskJson.Of(answers));
        ProposedLevel = proposal.Level;
        ReasonsJson = RiskJson.Text(RiskJson.Of(proposal.Reasons));
        ConfirmedLevel = confirmed;
        Rationale = rationale;
        ConfirmedBy = by;
        ConfirmedAt = at;
    }
}
