using System.Buffers.Binary;
using System.Text.Json;
using Compliance.Domain.Audit;
using Compliance.Domain.Organisations;
using Compliance.Domain.Persistence;
using Compliance.Jobs.Hosting;
using Fido2NetLib;
using Fido2NetLib.Exceptions;
using Fido2NetLib.Objects;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Compliance.Web.Features.Account.SecurityKeys;

/// <summary>
/// The two WebAuthn ceremonies (Fido2 4.3.3): registering a key, and signing in with one, passwordless (a discoverable
/// passkey names its owner) or as the second step after the password. The library checks the challenge, that the
/// browser's origin is exactly ours, that the signature covers our relying party id, the user-presence and
/// user-verification flags, and the signature counter; we check that the key belongs to the person.
/// </summary>
public sealed class SecurityKeyCeremonies(ComplianceDbContext db, AppConfiguration settings, CeremonyState state, IClock clock,
    ILogger<SecurityKeyCeremonies> log)
{
    public const string Registration = "register", Passwordless = "passwordless", SecondFactor = "second-factor";

    public sealed record Result<T>(T? Value, string? Error) where T : class
    {
        public static Result<T> Ok(T value) => new(value, null);
        public static Result<T> Fail(string error) => new(null, error);
    }

    public async Task<Result<string>> RegistrationOptionsAsync(HttpContext http, User user)
    {
        if (RelyingParty.For(settings.BaseUrl, http.Request) is not { } rp) return Result<string>.Fail(RelyingParty.Unavailable);
        var existing = await db.SecurityKeys.Where(k => k.UserId == user.Id).ToListAsync(http.RequestAborted);
        var options = Fido(rp).RequestNewCredential(new RequestNewCredentialParams
        {
            User = new Fido2User { Id = user.Id.ToByteArray(), Name = user.Email, DisplayName = user.DisplayName },
            ExcludeCredentials = existing.Select(Descriptor).ToList(),
            // A discoverable credential (a passkey) when the authenticator can keep one, for signing in without the
            // password; an older security key still works as a second factor.
            AuthenticatorSelection = new AuthenticatorSelection
            {
                ResidentKey = ResidentKeyRequirement.Preferred,
                UserVerification = UserVerificationRequirement.Preferred,
            },
            AttestationPreference = AttestationConveyancePreference.None,
        });
        var json = options.ToJson();
        state.Start(http, Registration, user.Id, json);
        return Result<string>.Ok(json);
    }

    /// <summary>Verifies the new credential and adds it (unsaved) for the person.</summary>
    public async Task<Result<SecurityKey>> RegisterAsync(HttpContext http, User user, string nickname, string credentialJson)
    {
        if (RelyingParty.For(settings.BaseUrl, http.Request) is not { } rp) return Result<SecurityKey>.Fail(RelyingParty.Unavailable);
        if (state.Finish(http, Registration, user.Id) is not { } optionsJson)
            return Result<SecurityKey>.Fail("The request to add a key expired or was already used; try again.");
        if (Parse<AuthenticatorAttestationRawResponse>(credentialJson) is not { } response)
            return Result<SecurityKey>.Fail("The browser sent no key; try again.");
        try
        {
            var credential = await Fido(rp).MakeNewCredentialAsync(new MakeNewCredentialParams
            {
                AttestationResponse = response,
                OriginalOptions = CredentialCreateOptions.FromJson(optionsJson),
                IsCredentialIdUniqueToUserCallback = async (args, ct) => !await db.SecurityKeys.AnyAsync(k => k.CredentialId == args.CredentialId, ct),
            }, http.RequestAborted);
            var key = new SecurityKey(Guid.NewGuid(), user.Id, credential.Id, credential.PublicKey, credential.SignCount,
                (credential.Transports ?? []).Select(Name), nickname, credential.AaGuid, clock.GetCurrentInstant());
            db.SecurityKeys.Add(key);
            return Result<SecurityKey>.Ok(key);
        }
        catch (Fido2VerificationException e)
        {
            log.LogWarning("A key for {UserId} was refused at registration: {Code} {Message}", user.Id, e.Code, e.Message);
            return Result<SecurityKey>.Fail("This key could not be verified (" + e.Message.TrimEnd('.') + "); try again.");
        }
    }

    /// <param name="user">The person who gave their password (the second step), or null for a passwordless sign-in.</param>
    public async Task<Result<string>> AssertionOptionsAsync(HttpContext http, User? user)
    {
        if (RelyingParty.For(settings.BaseUrl, http.Request) is not { } rp) return Result<string>.Fail(RelyingParty.Unavailable);
        var keys = user is null ? [] : await db.SecurityKeys.Where(k => k.UserId == user.Id).ToListAsync(http.RequestAborted);
        var options = Fido(rp).GetAssertionOptions(new GetAssertionOptionsParams
        {
            AllowedCredentials = keys.Select(Descriptor).ToList(),
            // Without a password, the key must also check who holds it (PIN or biometrics): two factors in one.
            UserVerification = user is null ? UserVerificationRequirement.Required : UserVerificationRequirement.Preferred,
        });
        var json = options.ToJson();
        state.Start(http, user is null ? Passwordless : SecondFactor, user?.Id, json);
        return Result<string>.Ok(json);
    }

    /// <summary>
    /// Checks a signature and returns the key's owner (the key's counter and last use are updated, unsaved). A counter
    /// that did not grow is refused and written to the owner's organisations' audit logs (saved at once).
    /// </summary>
    public async Task<Result<User>> SignInAsync(HttpContext http, User? expected, string credentialJson)
    {
        if (RelyingParty.For(settings.BaseUrl, http.Request) is not { } rp) return Result<User>.Fail(RelyingParty.Unavailable);
        if (state.Finish(http, expected is null ? Passwordless : SecondFactor, expected?.Id) is not { } optionsJson)
            return Result<User>.Fail("The sign-in request expired or was already used; try again.");
        if (Parse<AuthenticatorAssertionRawResponse>(credentialJson) is not { RawId: { Length: > 0 } rawId } response)
            return Result<User>.Fail("The browser sent no key; try again.");
        const string unknown = "This passkey or security key is not registered for this account (it may have been removed).";
        var key = await db.SecurityKeys.SingleOrDefaultAsync(k => k.CredentialId == rawId, http.RequestAborted);
        if (key is null || (expected is not null && key.UserId != expected.Id)) return Result<User>.Fail(unknown);
        var owner = key.UserId.ToByteArray();
        // A passwordless sign-in trusts the key to say whose it is: it must name the same person the key is registered to.
        if (expected is null && response.Response.UserHandle is null) return Result<User>.Fail(unknown);
        try
        {
            var verified = await Fido(rp).MakeAssertionAsync(new MakeAssertionParams
            {
                AssertionResponse = response,
                OriginalOptions = AssertionOptions.FromJson(optionsJson),
                StoredPublicKey = key.PublicKey,
                StoredSignatureCounter = (uint)key.SignCount,
                IsUserHandleOwnerOfCredentialIdCallback = (args, _) => Task.FromResult(args.UserHandle.AsSpan().SequenceEqual(owner)),
            }, http.RequestAborted);
            key.Used(verified.SignCount, clock.GetCurrentInstant());
            return Result<User>.Ok(await db.Users.SingleAsync(u => u.Id == key.UserId, http.RequestAborted));
        }
        catch (Fido2VerificationException e) when (e.Code == Fido2ErrorCode.InvalidSignCount)
        {
            var presented = response.Response.AuthenticatorData is { Length: >= 37 } data ? BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(33, 4)) : 0;
            var email = await db.Users.Where(u => u.Id == key.UserId).Select(u => u.Email).SingleAsync(http.RequestAborted);
            log.LogWarning("Key {KeyId} of {UserId} presented signature counter {Presented} after {Stored}: refused", key.Id, key.UserId, presented, key.SignCount);
            await AuditAsync(key.UserId, email, "security-key.counter-regressed",
                new { key = key.Nickname, keyId = key.Id, storedCounter = key.SignCount, presentedCounter = presented });
            await db.SaveChangesAsync(http.RequestAborted);
            return Result<User>.Fail("This key's signature counter went backwards, which happens when a key has been copied. It was refused and your organisation's audit log records it: use another key or a recovery code, and tell your security lead.");
        }
        catch (Fido2VerificationException e)
        {
            log.LogWarning("A sign-in with key {KeyId} was refused: {Code} {Message}", key.Id, e.Code, e.Message);
            return Result<User>.Fail("This key's answer could not be verified; try again.");
        }
    }

    /// <summary>A change to a person's keys concerns every organisation they work in: it goes to each one's audit log.</summary>
    public async Task AuditAsync(Guid userId, string actor, string action, object data)
    {
        var organisations = await db.Members.IgnoreQueryFilters().Where(m => m.UserId == userId).Select(m => m.OrganisationId).Distinct().ToListAsync();
        var audit = new AuditLog(db, clock);
        foreach (var organisation in organisations) await audit.AppendAsync(organisation, null, actor, action, data);
    }

    private static Fido2 Fido(RelyingParty rp) => new(new Fido2Configuration
    {
        RPID = rp.Id,
        RPName = RelyingParty.Name,
        Origins = new HashSet<string>(StringComparer.Ordinal) { rp.Origin },
    });

    private static PublicKeyCredentialDescriptor Descriptor(SecurityKey key) =>
        new(PublicKeyCredentialType.PublicKey, key.CredentialId,
            key.TransportList.Select(t => Enum.TryParse<AuthenticatorTransport>(t.Replace("-", ""), ignoreCase: true, out var v) ? (AuthenticatorTransport?)v : null)
                .OfType<AuthenticatorTransport>().ToArray());

    private static string Name(AuthenticatorTransport transport) => transport == AuthenticatorTransport.SmartCard ? "smart-card" : transport.ToString().ToLowerInvariant();

    private static T? Parse<T>(string json) where T : class
    {
        if (string.IsNullOrWhiteSpace(json) || json.Length > 64_000) return null;
        try { return JsonSerializer.Deserialize<T>(json); }
        catch (JsonException) { return null; }
    }
}
