using System.Globalization;

namespace Compliance.Jobs.Mail.Pipelined.Mime;

/// <summary>
/// A bare address (local@domain) made ready for the envelope and the headers: a non-ASCII domain becomes its
/// ASCII (punycode) form, so only a non-ASCII local part needs the server's SMTPUTF8.
/// </summary>
internal readonly record struct MailAddressText(string Value, bool NeedsSmtpUtf8)
{
    private static readonly IdnMapping Idn = new();

    public static MailAddressText Parse(string address)
    {
        var at = address.LastIndexOf('@');
        if (at <= 0 || at == address.Length - 1)
            throw new FormatException($"'{address}' is not an email address (local@domain).");
        foreach (var c in address)
            if (c is <= ' ' or '<' or '>' or '(' or ')' or ',' or ';' or '\\' or '"' or '\u007f')
                throw new FormatException($"'{address}' is not a plain email address: it contains '{c}'.");
        var local = address[..at];
        var domain = address[(at + 1)..];
        try
        {
            if (!IsAscii(domain)) domain = Idn.GetAscii(domain);
        }
        catch (ArgumentException e)
        {
            throw new FormatException($"'{address}' has a domain that is not valid: {e.Message}", e);
        }
        return new MailAddressText($"{local}@{domain}", !IsAscii(local));
    }

    public static bool IsAscii(string text) => System.Text.Ascii.IsValid(text);

    public override string ToString() => Value;
}
