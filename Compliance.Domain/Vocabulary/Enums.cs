namespace Compliance.Domain.Vocabulary;

// The vocabulary of design.md. Member names map to ids by KebabCase: keep them in step with the document.

public enum DataCategory
{
    Name, Email, Phone, PostalAddress, DateOfBirth, NationalId, Passport, DriversLicence,
    FinancialAccount, PaymentCard, Credentials, Health, Biometric, Genetic, RacialEthnicOrigin,
    PoliticalOpinion, ReligiousBelief, TradeUnionMembership, SexLifeOrientation, CriminalRecord,
    Location, DonationHistory, Children, Other,
}

public enum Cause
{
    ExternalAttack, Ransomware, Phishing, Malware, InsiderMalicious, InsiderError,
    LostOrStolenDevice, Misdirected, Misconfiguration, Other,
}

public enum Recipient { Regulator, Individuals, ConsumerReportingAgencies, LawEnforcement, Record, Other }

public enum Exfiltration { Confirmed, Suspected, NotFound }

public enum Encryption { None, Encrypted, EncryptedKeyCompromised }

/// <summary>The organisation's documented judgement; each regime's test maps onto one of these.</summary>
public enum RiskLevel { Unlikely, Risk, High }

public enum Role { Admin, SecurityLead, Legal, Viewer, Responder }
