using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Compliance.Tests.Support;

/// <summary>
/// A last message, sent on a connection of its own, that a test waits for before it asserts what the server did not
/// get: smtp-sink serves every connection in one process, in the order their bytes arrive, so once the sentinel is
/// in, whatever was sent before it has been taken in too. A positive signal instead of a sleep.
/// </summary>
public static class SinkSentinel
{
    private const string Prefix = "<sentinel.";

    public static bool IsSentinel(string dump) => dump.Contains("Message-ID: " + Prefix, StringComparison.OrdinalIgnoreCase);

    /// <summary>Sends the sentinel and returns once <paramref name="received"/> (the server's messages) shows it.</summary>
    public static async Task SendAndWaitAsync(int port, Func<IEnumerable<string>> received)
    {
        var id = $"sentinel.{Guid.NewGuid():N}@tests";
        var message = new MimeMessage { MessageId = id, Subject = "sentinel", Body = new TextPart("plain") { Text = "sentinel" } };
        message.From.Add(MailboxAddress.Parse("sentinel@tests.example"));
        message.To.Add(MailboxAddress.Parse("sentinel@tests.example"));
        using (var client = new SmtpClient())
        {
            await client.ConnectAsync("127.0.0.1", port, SecureSocketOptions.None);
            await client.SendAsync(message);
            await client.DisconnectAsync(quit: true);
        }
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!received().Any(m => m.Contains(id, StringComparison.Ordinal)))
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(10), "the sentinel never arrived at the server");
            await Task.Delay(10);
        }
    }
}
