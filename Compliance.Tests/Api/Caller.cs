namespace Compliance.Tests.Api;

/// <summary>Who knocks at the API: without a usable token, as each role of Alpha, or as a member of Beta.</summary>
public enum Caller
{
    NoToken,
    BadToken,
    RevokedToken,
    Admin,
    SecurityLead,
    Legal,
    Viewer,
    ResponderOnThisIncident,
    ResponderOnAnotherIncident,
    ExpiredResponder,
    OtherOrganisation,
}
