namespace Compliance.Jobs.Mail.Pipelined;

public enum SmtpTlsMode
{
    /// <summary>Plain text throughout (a relay on loopback or inside a private network).</summary>
    None,

    /// <summary>STARTTLS before anything else; a server that does not offer it is refused (no silent downgrade).</summary>
    StartTls,

    /// <summary>TLS from the first byte (submissions on port 465).</summary>
    Implicit,
}
