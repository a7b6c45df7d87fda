using Compliance.Domain.Incidents;
using Compliance.Domain.Notices;
using Compliance.Domain.Obligations;
using Compliance.Domain.Vocabulary;

namespace Compliance.Web.Features.Shared;

/// <summary>The words people read for the stable ids of design.md; the ids stay in forms and URLs.</summary>
public static class Labels
{
    private static readonly Dictionary<DataCategory, string> Categories = new()
    {
        [DataCategory.Name] = "Name",
        [DataCategory.Email] = "Email address",
        [DataCategory.Phone] = "Phone number",
        [DataCategory.PostalAddress] = "Postal address",
        [DataCategory.DateOfBirth] = "Date of birth",
        [DataCategory.NationalId] = "National ID number (SSN, HKID, SIN, NRIC, CPF, Aadhaar…)",
        [DataCategory.Passport] = "Passport",
        [DataCategory.DriversLicence] = "Driver's licence",
        [DataCategory.FinancialAccount] = "Bank or financial account",
        [DataCategory.PaymentCard] = "Payment card",
        [DataCategory.Credentials] = "Passwords or other credentials",
        [DataCategory.Health] = "Health",
        [DataCategory.Biometric] = "Biometric",
        [DataCategory.Genetic] = "Genetic",
        [DataCategory.RacialEthnicOrigin] = "Racial or ethnic origin",
        [DataCategory.PoliticalOpinion] = "Political opinion",
        [DataCategory.ReligiousBelief] = "Religious belief",
        [DataCategory.TradeUnionMembership] = "Trade union membership",
        [DataCategory.SexLifeOrientation] = "Sex life or sexual orientation",
        [DataCategory.CriminalRecord] = "Criminal record",
        [DataCategory.Location] = "Location",
        [DataCategory.DonationHistory] = "Donation history",
        [DataCategory.Children] = "Data about children",
        [DataCategory.Other] = "Other",
    };

    public static string Of(DataCategory c) => Categories[c];

    public static string Of(Exfiltration e) => e switch
    {
        Exfiltration.Confirmed => "Confirmed: data left our systems",
        Exfiltration.Suspected => "Suspected",
        _ => "Not found: no evidence data left",
    };

    public static string Of(Encryption e) => e switch
    {
        Encryption.None => "Not encrypted",
        Encryption.Encrypted => "Encrypted, key safe",
        _ => "Encrypted, but the key was compromised",
    };

    public static string Of(RiskLevel r) => r switch
    {
        RiskLevel.Unlikely => "Unlikely to result in a risk",
        RiskLevel.Risk => "A risk to people",
        _ => "A high risk to people",
    };

    public static string Of(Cause c) => c switch
    {
        Cause.ExternalAttack => "External attack",
        Cause.Ransomware => "Ransomware",
        Cause.Phishing => "Phishing",
        Cause.Malware => "Malware",
        Cause.InsiderMalicious => "Malicious insider",
        Cause.InsiderError => "Insider error",
        Cause.LostOrStolenDevice => "Lost or stolen device",
        Cause.Misdirected => "Misdirected mail or email",
        Cause.Misconfiguration => "Misconfiguration",
        _ => "Other",
    };

    public static string Of(Recipient r) => r switch
    {
        Recipient.Regulator => "Regulator",
        Recipient.Individuals => "Affected people",
        Recipient.ConsumerReportingAgencies => "Consumer reporting agencies",
        Recipient.LawEnforcement => "Law enforcement",
        Recipient.Record => "Internal breach register",
        _ => "Other",
    };

    public static string Of(Role r) => r switch
    {
        Role.Admin => "Admin",
        Role.SecurityLead => "Security lead",
        Role.Legal => "Legal",
        Role.Viewer => "Viewer",
        Role.Responder => "Responder",
        _ => r.ToString(),
    };

    public static string Of(IncidentStatus s) => s switch
    {
        IncidentStatus.Open => "Open",
        IncidentStatus.Contained => "Contained",
        _ => "Closed",
    };

    public static string Of(ObligationStatus s) => s switch
    {
        ObligationStatus.Open => "Open",
        ObligationStatus.Done => "Fulfilled",
        ObligationStatus.NotRequired => "Not required",
        _ => "Superseded",
    };

    public static string Of(CampaignState s) => s switch
    {
        CampaignState.AwaitingApproval => "Awaiting approval",
        CampaignState.Sending => "Sending",
        CampaignState.Completed => "Completed",
        _ => "Cancelled",
    };
}
