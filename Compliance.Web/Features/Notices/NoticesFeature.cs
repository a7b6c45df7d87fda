using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Compliance.Web.Features.Notices;

/// <summary>Notices to affected people: drafts, previews and campaigns.</summary>
public static class NoticesFeature
{
    public static IServiceCollection AddNoticesFeature(this IServiceCollection services)
    {
        services.TryAddScoped<NoticeDrafts>();
        services.TryAddScoped<NoticePreview>();
        services.TryAddScoped<SaveNoticeDraft>();
        services.TryAddScoped<SendTestNotice>();
        services.TryAddScoped<NoticeReaders>();
        services.TryAddScoped<CampaignDetails>();
        services.TryAddScoped<CampaignLookup>();
        services.TryAddScoped<CampaignAudienceGroups>();
        services.TryAddScoped<CampaignProgress>();
        services.TryAddScoped<CampaignFallbacks>();
        services.TryAddScoped<UnconfirmedMessages>();
        services.TryAddScoped<PrepareCampaign>();
        services.TryAddScoped<ApproveCampaign>();
        services.TryAddScoped<CancelCampaign>();
        services.TryAddScoped<ResendUnconfirmed>();
        services.TryAddScoped<CampaignProofCsv>();
        services.TryAddScoped<CampaignProofPdf>();
        return services;
    }
}
