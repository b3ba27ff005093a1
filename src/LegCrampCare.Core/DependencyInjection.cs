using LegCrampCare.Core.Features.Episodes;
using LegCrampCare.Core.Features.Guidance;
using LegCrampCare.Core.Features.Profile;
using LegCrampCare.Core.Features.Review;
using LegCrampCare.Core.Features.Sharing;
using LegCrampCare.Core.Triage;
using LegCrampCare.Rules;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LegCrampCare.Core;

public static class DependencyInjection
{
    /// <summary>Feature services. They need ports (stores, current user) registered by Infrastructure and Web.</summary>
    public static IServiceCollection AddCore(this IServiceCollection services)
    {
        // The engine is immutable and shared; a host may register its own with local thresholds (the last registration wins).
        services.TryAddSingleton(_ => TriageEngine.Default);
        services.TryAddSingleton<EpisodeAssessor>();
        services.AddScoped<IEpisodeService, EpisodeService>();
        services.AddScoped<RuleSetUpgradeService>();
        services.TryAddSingleton(new Features.Safety.SafetyOptions());
        services.AddScoped<IProfileService, ProfileService>();
        services.AddScoped<IGuidanceService, GuidanceService>();
        services.AddScoped<IGuidanceEditorService, GuidanceEditorService>();
        services.AddSingleton<SharedCodeAttempts>();
        services.TryAddSingleton(new SharingOptions());
        services.AddScoped<ISharingService, SharingService>();
        services.AddScoped<ICaseloadService, CaseloadService>();

        // Needs IReportWriter (PDF and CSV), which Infrastructure registers.
        services.AddScoped<IPatientLogService, PatientLogService>();
        services.AddSingleton<AuditedVisits>();
        return services;
    }
}
