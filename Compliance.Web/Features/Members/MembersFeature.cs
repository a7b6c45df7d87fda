using Compliance.Domain.Organisations;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Compliance.Web.Features.Members;

/// <summary>Members, their roles and invitations, and taking access away.</summary>
public static class MembersFeature
{
    public static IServiceCollection AddMembersFeature(this IServiceCollection services)
    {
        services.TryAddScoped<AccessRevocation>();
        services.TryAddScoped<AddMember>();
        services.TryAddScoped<ChangeMemberRole>();
        services.TryAddScoped<ResetTwoFactor>();
        services.TryAddScoped<RemoveMember>();
        services.TryAddScoped<MemberCommands>();
        services.TryAddScoped<MemberList>();
        services.TryAddScoped<IssueApiToken>();
        services.TryAddScoped<OrganisationTokens>();
        services.TryAddScoped<InvitationMail>();
        // An invitation's link to choose a password works for three days.
        services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = TimeSpan.FromDays(3));
        return services;
    }
}
