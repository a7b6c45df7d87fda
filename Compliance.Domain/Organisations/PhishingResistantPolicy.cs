using Compliance.Domain.Vocabulary;

namespace Compliance.Domain.Organisations;

/// <summary>How a session was signed in: what a phisher could have relayed decides what it may do.</summary>
public enum SignInMethod { Password, AuthenticatorApp, RecoveryCode, SecurityKey }

/// <summary>
/// An organisation's rule "security leads and admins sign in with a passkey or security key". A code from an
/// authenticator app can be typed into a look-alike site and relayed within its 30 seconds; a passkey signs only for
/// this site's name, so it cannot. For those roles, then, only a session signed in with a key opens the workspace.
/// Recovery codes stay a way back in for someone who lost their key: they let the person register a new key, and
/// nothing else, until they have signed in with it.
/// </summary>
public static class PhishingResistantPolicy
{
    public enum Standing
    {
        /// <summary>The workspace is open.</summary>
        Satisfied,
        /// <summary>The person must register a passkey or security key first (they have none, or signed in with a recovery code).</summary>
        RegisterKey,
        /// <summary>The person has a key but signed in without it: they must sign in again with it.</summary>
        SignInWithKey,
    }

    public static bool AppliesTo(Role role) => role is Role.Admin or Role.SecurityLead;

    public static Standing Of(bool organisationRequires, Role role, int keys, SignInMethod method)
    {
        if (!organisationRequires || !AppliesTo(role)) return Standing.Satisfied;
        if (keys > 0 && method == SignInMethod.SecurityKey) return Standing.Satisfied;
        if (keys == 0 || method == SignInMethod.RecoveryCode) return Standing.RegisterKey;
        return Standing.SignInWithKey;
    }

    /// <summary>
    /// Adding or removing keys: anyone without a key may add their first; someone who has keys must be signed in with
    /// one, or with a recovery code (the key was lost). Otherwise a phished password and app code could add the
    /// phisher's own key.
    /// </summary>
    public static bool MayChangeKeys(int keys, SignInMethod method) =>
        keys == 0 || method is SignInMethod.SecurityKey or SignInMethod.RecoveryCode;

    /// <summary>Why this key may not be removed, or null: the last factor an organisation requires stays.</summary>
    public static string? RefuseRemoval(int keysLeftAfter, bool hasAuthenticatorApp, bool keyRequiredForRole, bool twoFactorRequired)
    {
        if (keysLeftAfter > 0) return null;
        if (keyRequiredForRole)
            return "Your organisation requires a passkey or security key for your role: add another one before removing this one.";
        if (twoFactorRequired && !hasAuthenticatorApp)
            return "Your organisation requires two-factor sign-in: set up an authenticator app or add another key before removing this one.";
        return null;
    }
}
