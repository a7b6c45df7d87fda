namespace Compliance.Jobs.Mail;

public enum SmtpTlsMode
{
    /// <summary>Plain text throughout (a relay on loopback or inside a private network).</summary>
    None,

    /// <summary>STARTTLS before anything else; a server that does not offer it is refused (no silent downgrade).</summary>
    StartTls,

    /// <summary>TLS from the first byte (submissions on port 465).</summary>
    Implicit,
}

/// <summary>How the transport proves who it is: a user name and password (PLAIN or LOGIN, as the server offers), or an OAuth 2.0 bearer token (XOAUTH2).</summary>
public enum SmtpAuthMode
{
    Password,
    XOAuth2,
}
