using LegCrampCare.Core.Features.Episodes;
using LegCrampCare.Core.Features.Profile;
using Microsoft.Extensions.DependencyInjection;

namespace LegCrampCare.Core;

public static class DependencyInjection
{
    /// <summary>Feature services. They need ports (stores, current user) registered by Infrastructure and Web.</summary>
    public static IServiceCollection AddCore(this IServiceCollection services)
    {
        services.AddScoped<IEpisodeService, EpisodeService>();
        services.AddScoped<IProfileService, ProfileService>();
        return services;
    }
}
