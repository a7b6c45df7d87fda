namespace Compliance.Domain.Notices;

/// <summary>
/// The statement that fills a campaign's send log, in one place so tests can parse it for every provider. Valid on
/// SQLite, PostgreSQL and SQL Server: double-quoted names (SqlClient connects with QUOTED_IDENTIFIER ON), and
/// booleans as parameters. Placeholders {0}.. are EF's raw-SQL parameters: campaign, incident, organisation, false,
/// then the jurisdictions, then the languages.
/// </summary>
public static class CampaignRecipientsSql
{
    public const int FixedParameters = 4;

    public static string Insert(int jurisdictions, int languages) => $"""
        INSERT INTO campaign_recipients ("OrganisationId", "CampaignId", "PersonId", "Jurisdiction", "Language", "State", "Attempts", "Confirmed")
        SELECT p."OrganisationId", {"{0}"}, p."Id", p."Jurisdiction", p."Language", 'queued', 0, {"{3}"}
        FROM affected_people p
        WHERE p."IncidentId" = {"{1}"} AND p."OrganisationId" = {"{2}"} AND p."DoNotEmail" = {"{3}"} AND p."ProtectedDelegate" IS NULL AND p."EmailLookup" IS NOT NULL{InList("Jurisdiction", FixedParameters, jurisdictions)}{InList("Language", FixedParameters + jurisdictions, languages)}
          AND NOT EXISTS (
            SELECT 1 FROM campaign_recipients r JOIN campaigns c ON c."Id" = r."CampaignId"
            WHERE r."PersonId" = p."Id" AND (r."State" IN ('sent', 'sending') OR c."State" <> 'cancelled'))
        """;

    private static string InList(string column, int first, int count) =>
        count == 0 ? "" : $" AND p.\"{column}\" IN ({string.Join(", ", Enumerable.Range(first, count).Select(i => $"{{{i}}}"))})";
}
