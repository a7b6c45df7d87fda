namespace Compliance.Domain.Notices;

/// <summary>
/// The send log's statements, in one place so tests can parse them for every provider. Valid on SQLite,
/// PostgreSQL and SQL Server: double-quoted names, @-parameters, booleans as parameters (T-SQL has no TRUE). The
/// first two parameters of each are always the campaign and the person.
/// </summary>
public static class RecipientLogStatements
{
    private const string Where = """ WHERE "CampaignId" = @c AND "PersonId" = @p""";

    public static readonly (string Sql, string[] Parameters) Released =
        ("""UPDATE campaign_recipients SET "HandedAt" = @at, "MessageId" = @mid, "Template" = @template""" + Where,
            ["c", "p", "at", "mid", "template"]);

    /// <summary>A hand-off recorded for a message that was then never released (refused or cut off before the end of DATA).</summary>
    public static readonly (string Sql, string[] Parameters) Withdrawn =
        ("""UPDATE campaign_recipients SET "HandedAt" = NULL""" + Where, ["c", "p"]);

    public static readonly (string Sql, string[] Parameters) Accepted =
        ("""UPDATE campaign_recipients SET "State" = 'sent', "Confirmed" = @confirmed, "SentAt" = @at, "ServerReply" = @reply""" + Where,
            ["c", "p", "confirmed", "at", "reply"]);

    public static readonly (string Sql, string[] Parameters) Result =
        ("""
         UPDATE campaign_recipients SET "State" = @state, "Confirmed" = @confirmed, "HandedAt" = @handed, "SentAt" = @sent,
           "ServerReply" = @reply, "Attempts" = @attempts, "NextAttemptAt" = @next, "MessageId" = @mid, "Template" = @template
         """ + Where,
            ["c", "p", "state", "confirmed", "handed", "sent", "reply", "attempts", "next", "mid", "template"]);

    public static IEnumerable<string> All => [Released.Sql, Withdrawn.Sql, Accepted.Sql, Result.Sql];
}
