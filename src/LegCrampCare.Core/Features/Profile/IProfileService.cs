using LegCrampCare.Core.Common;

namespace LegCrampCare.Core.Features.Profile;

/// <summary>The signed-in patient's own pregnancy profile.</summary>
public interface IProfileService
{
    /// <summary>Her profile, or not found when onboarding is not done (or the caller is not a patient).</summary>
    Task<ServiceResult<ProfileDto>> GetMineAsync(CancellationToken ct = default);

    Task<ServiceResult<ProfileDto>> SaveAsync(SaveProfileRequest request, CancellationToken ct = default);

    /// <summary>"My baby has arrived": records the birth and how.</summary>
    Task<ServiceResult<ProfileDto>> RecordBirthAsync(RecordBirthRequest request, CancellationToken ct = default);

    /// <summary>"Not yet": don't ask again today.</summary>
    Task<ServiceResult<ProfileDto>> BabyNotArrivedYetAsync(CancellationToken ct = default);

    /// <summary>"My pregnancy has ended": stops pregnancy wording; deletes her log when she chooses.</summary>
    Task<ServiceResult<ProfileDto>> EndPregnancyAsync(bool deleteLog, CancellationToken ct = default);

    /// <summary>Her colour choice: automatic, day or night.</summary>
    Task<ServiceResult<ProfileDto>> SetThemeAsync(Domain.ThemePreference theme, CancellationToken ct = default);
}
