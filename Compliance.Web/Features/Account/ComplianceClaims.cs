namespace Compliance.Web.Features.Account;

/// <summary>Claim types our sign-in puts on the principal; the actor is re-read from the database on each request.</summary>
public static class ComplianceClaims
{
    public const string UserId = "sub";
    public const string OrganisationId = "org";
    public const string Email = "email";
    public const string Name = "name";
    public const string ApiScheme = "Bearer";
}
