using Compliance.Domain.Risk;

namespace Compliance.Web.Features.Risk;

/// <summary>The risk assessment's choices in plain words, with the guidance each comes from.</summary>
public static class RiskLabels
{
    public static string Of(Identification i) => i switch
    {
        Identification.Negligible => "Hardly at all: the data would not tell who the people are",
        Identification.Limited => "With some effort: only with other data held elsewhere",
        Identification.Significant => "Fairly easily: a few details point to a person",
        _ => "Directly: names, photos or identity numbers",
    };

    public static string Of(Misuse m) => m switch
    {
        Misuse.NoSign => "No sign: the data is back, deleted by a trusted recipient, or out of anyone's reach",
        Misuse.Possible => "Possible: we do not know who has the data or what they want with it",
        _ => "Seen: the data was published, sold, or used to contact or threaten people",
    };

    public static string Of(Consequences c) => c switch
    {
        Consequences.Minor => "Minor: inconvenience that people can get over easily",
        Consequences.Significant => "Significant: distress, financial loss, damage to reputation or relationships",
        _ => "Severe: physical harm, detention, persecution or loss of livelihood",
    };

    public static string Of(SecurityLoss l) => l switch
    {
        SecurityLoss.Confidentiality => "Confidentiality: someone who should not have it saw or took the data",
        SecurityLoss.Integrity => "Integrity: the data was altered",
        _ => "Availability: the data was lost or locked away (e.g. ransomware)",
    };
}
