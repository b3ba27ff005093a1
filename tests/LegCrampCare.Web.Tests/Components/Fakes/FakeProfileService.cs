using LegCrampCare.Core.Common;
using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;
using LegCrampCare.Core.Features.Profile;

namespace LegCrampCare.Web.Tests.Components.Fakes;

/// <summary>A hand-written <see cref="IProfileService"/> that records every call and answers with <see cref="Profile"/>.</summary>
public sealed class FakeProfileService : IProfileService
{
    /// <summary>Her profile; null answers "not found" (onboarding not done).</summary>
    public ProfileDto? Profile { get; set; }

    public int GetMineCalls { get; private set; }

    public List<SaveProfileRequest> SaveCalls { get; } = [];

    public List<RecordBirthRequest> RecordBirthCalls { get; } = [];

    public int BabyNotArrivedYetCalls { get; private set; }

    public List<bool> EndPregnancyCalls { get; } = [];

    public List<ThemePreference> SetThemeCalls { get; } = [];

    /// <summary>When set, GetMineAsync answers only when it completes (a database answering later than the first render).</summary>
    public TaskCompletionSource? HoldGetMine { get; set; }

    public async Task<ServiceResult<ProfileDto>> GetMineAsync(CancellationToken ct = default)
    {
        GetMineCalls++;
        if (HoldGetMine is { } hold)
        {
            await hold.Task;
        }

        return await Current();
    }

    public Task<ServiceResult<ProfileDto>> SaveAsync(SaveProfileRequest request, CancellationToken ct = default)
    {
        SaveCalls.Add(request);
        return Current();
    }

    public Task<ServiceResult<ProfileDto>> RecordBirthAsync(RecordBirthRequest request, CancellationToken ct = default)
    {
        RecordBirthCalls.Add(request);
        return Current();
    }

    public Task<ServiceResult<ProfileDto>> BabyNotArrivedYetAsync(CancellationToken ct = default)
    {
        BabyNotArrivedYetCalls++;
        return Current();
    }

    public Task<ServiceResult<ProfileDto>> EndPregnancyAsync(bool deleteLog, CancellationToken ct = default)
    {
        EndPregnancyCalls.Add(deleteLog);
        return Current();
    }

    public Task<ServiceResult<ProfileDto>> SetThemeAsync(ThemePreference theme, CancellationToken ct = default)
    {
        SetThemeCalls.Add(theme);
        return Current();
    }

    private Task<ServiceResult<ProfileDto>> Current() => Task.FromResult(Profile is null
        ? ServiceResult<ProfileDto>.NotFound()
        : ServiceResult<ProfileDto>.Ok(Profile));
}
