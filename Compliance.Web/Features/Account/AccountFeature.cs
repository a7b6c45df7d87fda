using System.Threading.RateLimiting;
using Compliance.Domain.Organisations;
using Compliance.Jobs.Hosting;
using Compliance.Web.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Compliance.Web.Features.Account;

/// <summary>Signing in: Identity on our user store, cookies, API tokens, keys, two factors and the sign-in throttle.</summary>
public static class AccountFeature
{
    public static IServiceCollection AddAccountFeature(this IServiceCollection services, IConfiguration config)
    {

        services.TryAddScoped<CurrentActor>();
        services.AddIdentityCore<User>(o =>
            {
                o.Password.RequiredLength = 12;
                // Length, not composition (NIST SP 800-63B): a long passphrase is allowed, as on the command line.
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireDigit = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireLowercase = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = true;
                // Our claims, not Identity's defaults: UserManager.GetUserAsync and the security-stamp check read these.
                o.ClaimsIdentity.UserIdClaimType = ComplianceClaims.UserId;
                o.ClaimsIdentity.UserNameClaimType = ComplianceClaims.Email;
                o.ClaimsIdentity.EmailClaimType = ComplianceClaims.Email;
                o.Tokens.AuthenticatorTokenProvider = OneTimeAuthenticator.ProviderName;
            })
            .AddUserStore<UserStore>()
            .AddClaimsPrincipalFactory<ClaimsFactory>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddTokenProvider<OneTimeAuthenticator>(OneTimeAuthenticator.ProviderName)
            .AddTokenProvider<SecurityKeyTwoFactorProvider>(SecurityKeyTwoFactorProvider.ProviderName);
        services.AddScoped<CeremonyState>();
        services.AddScoped<SecurityKeyCeremonies>();
        services.AddScoped<SecurityKeyPolicy>();
        services.TryAddScoped<SecondFactorSignIn>();
        services.TryAddScoped<UserSecurityKeys>();
        services.TryAddScoped<AccountPreferences>();

        services.AddAuthentication(IdentityConstants.ApplicationScheme)
            .AddCookie(IdentityConstants.ApplicationScheme, o =>
            {
                o.Cookie.Name = "compliance.session";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.LoginPath = "/Account/Login";
                o.LogoutPath = "/Account/Logout";
                o.AccessDeniedPath = "/Account/Denied";
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.SlidingExpiration = true;
                o.Events.OnValidatePrincipal = SessionValidation.ValidateAsync;
            })
            .AddCookie(IdentityConstants.TwoFactorUserIdScheme, o =>
            {
                o.Cookie.Name = "compliance.2fa";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.ExpireTimeSpan = TimeSpan.FromMinutes(5);
            })
            .AddCookie(IdentityConstants.TwoFactorRememberMeScheme, o => o.Cookie.Name = "compliance.2fa-remember")
            .AddCookie(IdentityConstants.ExternalScheme, o => o.Cookie.Name = "compliance.external")
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthentication>(ComplianceClaims.ApiScheme, null);
        // Two factors here are the authenticator app and recovery codes; there is no phone number to text.
        services.Configure<IdentityOptions>(o => o.Tokens.ProviderMap.Remove(TokenOptions.DefaultPhoneProvider));

        services.AddAuthorization(o =>
        {
            o.AddPolicy(AppHost.ApiPolicy, p => p.AddAuthenticationSchemes(ComplianceClaims.ApiScheme).RequireAuthenticatedUser());
        });

        // Guessing passwords: 10 sign-in attempts a minute per client address, on top of Identity's lockout.
        services.AddSingleton(SignInThrottle.Limits.Default);
        services.AddSingleton<SignInThrottle>();
        services.AddSingleton<DecoyPassword>();
        var perAddress = Settings.Int(config, "SignIn:PerAddressPerMinute", 60, 1, 100_000);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(AppHost.LoginRateLimit, http => HttpMethods.IsPost(http.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = perAddress, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
                : RateLimitPartition.GetNoLimiter("read"));
        });
        return services;
    }
}
