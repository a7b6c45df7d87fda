using Compliance.Domain.Organisations;
using Compliance.Domain.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Compliance.Web.Features.Account.SecurityKeys;

/// <summary>
/// Tells Identity that a person with a registered key has a second factor, so that the password alone does not sign
/// them in. The key itself is checked by <see cref="SecurityKeyCeremonies"/>, never through a typed code: no token
/// validates here.
/// </summary>
public sealed class SecurityKeyTwoFactorProvider(ComplianceDbContext db) : IUserTwoFactorTokenProvider<User>
{
    public const string ProviderName = "SecurityKey";

    public Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<User> manager, User user) => db.SecurityKeys.AnyAsync(k => k.UserId == user.Id);

    public Task<string> GenerateAsync(string purpose, UserManager<User> manager, User user) => Task.FromResult("");

    public Task<bool> ValidateAsync(string purpose, string token, UserManager<User> manager, User user) => Task.FromResult(false);
}
