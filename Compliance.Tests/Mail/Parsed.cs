using MimeKit;

namespace Compliance.Tests.Mail;

/// <summary>What a server received, read back with MimeKit's parser (smtp-sink's dump lines are headers to it too).</summary>
internal static class Parsed
{
    public static MimeMessage From(string raw)
    {
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(raw));
        return MimeMessage.Load(stream);
    }

    /// <summary>Every message smtp-sink received in full, parsed, by Message-ID (without angle brackets).</summary>
    public static Dictionary<string, MimeMessage> ById(IEnumerable<string> dumps) => dumps.Select(From).ToDictionary(m => m.MessageId ?? "");

    public static string Bare(string messageId) => messageId.Trim('<', '>');

    /// <summary>A text part's content with line ends as LF, as the caller gave it.</summary>
    public static string Body(MimeEntity entity) => ((TextPart)entity).Text.ReplaceLineEndings("\n");
}
