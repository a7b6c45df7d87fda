using Compliance.Domain.Organisations;
using Compliance.Domain.Vocabulary;
using Standing = Compliance.Domain.Organisations.PhishingResistantPolicy.Standing;

namespace Compliance.Tests.Account.SecurityKeys;

// "Security leads and admins sign in with a passkey or security key": what a session may do, by role, keys held and
// how it was signed in. An app code can be relayed by a look-alike site, so it no longer opens the workspace.
public sealed class PhishingResistantPolicyTests
{
    [Theory]
    [InlineData(Role.Admin)]
    [InlineData(Role.SecurityLead)]
    public void A_lead_or_admin_signed_in_with_an_app_code_must_sign_in_again_with_their_key(Role role) =>
        Assert.Equal(Standing.SignInWithKey, PhishingResistantPolicy.Of(true, role, keys: 1, SignInMethod.AuthenticatorApp));

    [Fact]
    public void A_security_lead_without_a_key_is_sent_to_register_one_whatever_second_factor_they_used()
    {
        foreach (var method in Enum.GetValues<SignInMethod>())
            Assert.Equal(Standing.RegisterKey, PhishingResistantPolicy.Of(true, Role.SecurityLead, keys: 0, method));
    }

    [Fact]
    public void A_recovery_code_lets_an_admin_who_lost_their_key_register_a_new_one_and_nothing_else()
    {
        Assert.Equal(Standing.RegisterKey, PhishingResistantPolicy.Of(true, Role.Admin, keys: 2, SignInMethod.RecoveryCode));
        Assert.True(PhishingResistantPolicy.MayChangeKeys(keys: 2, SignInMethod.RecoveryCode));
    }

    [Fact]
    public void Signed_in_with_a_key_a_security_lead_may_work()
    {
        Assert.Equal(Standing.Satisfied, PhishingResistantPolicy.Of(true, Role.SecurityLead, keys: 1, SignInMethod.SecurityKey));
    }

    [Theory]
    [InlineData(Role.Legal)]
    [InlineData(Role.Viewer)]
    [InlineData(Role.Responder)]
    public void Other_roles_keep_their_authenticator_app(Role role) =>
        Assert.Equal(Standing.Satisfied, PhishingResistantPolicy.Of(true, role, keys: 0, SignInMethod.AuthenticatorApp));

    [Fact]
    public void Without_the_rule_an_app_code_is_enough_for_an_admin() =>
        Assert.Equal(Standing.Satisfied, PhishingResistantPolicy.Of(false, Role.Admin, keys: 1, SignInMethod.AuthenticatorApp));

    [Fact]
    public void A_phished_password_and_app_code_cannot_add_the_phishers_key_to_an_account_that_has_one()
    {
        Assert.False(PhishingResistantPolicy.MayChangeKeys(keys: 1, SignInMethod.AuthenticatorApp));
        Assert.False(PhishingResistantPolicy.MayChangeKeys(keys: 1, SignInMethod.Password));
        Assert.True(PhishingResistantPolicy.MayChangeKeys(keys: 1, SignInMethod.SecurityKey));
        Assert.True(PhishingResistantPolicy.MayChangeKeys(keys: 0, SignInMethod.AuthenticatorApp));
    }

    [Fact]
    public void The_last_key_stays_while_the_organisation_requires_one_for_the_role()
    {
        Assert.Contains("add another one", PhishingResistantPolicy.RefuseRemoval(keysLeftAfter: 0, hasAuthenticatorApp: true, keyRequiredForRole: true, twoFactorRequired: false));
        Assert.Null(PhishingResistantPolicy.RefuseRemoval(keysLeftAfter: 1, hasAuthenticatorApp: false, keyRequiredForRole: true, twoFactorRequired: true));
    }

    [Fact]
    public void The_last_key_stays_when_it_is_the_only_second_factor_an_organisation_requires()
    {
        Assert.Contains("two-factor", PhishingResistantPolicy.RefuseRemoval(0, hasAuthenticatorApp: false, keyRequiredForRole: false, twoFactorRequired: true));
        Assert.Null(PhishingResistantPolicy.RefuseRemoval(0, hasAuthenticatorApp: true, keyRequiredForRole: false, twoFactorRequired: true));
        Assert.Null(PhishingResistantPolicy.RefuseRemoval(0, hasAuthenticatorApp: false, keyRequiredForRole: false, twoFactorRequired: false));
    }
}
