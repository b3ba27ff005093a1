using LegCrampCare.Core.Abstractions;
using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;

namespace LegCrampCare.Core.Tests.Fakes;

/// <summary>An <see cref="IProfileStore"/> over a dictionary; stores and hands out copies, like a database.</summary>
public sealed class InMemoryProfileStore : IProfileStore
{
    private readonly Dictionary<string, PregnancyProfile> _profiles = [];

    public int SaveCount { get; private set; }

    /// <summary>A copy of the stored profile, or null; for assertions.</summary>
    public PregnancyProfile? Peek(string userId) => _profiles.TryGetValue(userId, out var p) ? Clone(p) : null;

    /// <summary>Puts a profile in directly (test set-up).</summary>
    public void Seed(PregnancyProfile profile) => _profiles[profile.UserId] = Clone(profile);

    public Task<PregnancyProfile?> FindAsync(string userId, CancellationToken ct) =>
        Task.FromResult(_profiles.TryGetValue(userId, out var p) ? Clone(p) : null);

    public Task SaveAsync(PregnancyProfile profile, CancellationToken ct)
    {
        _profiles[profile.UserId] = Clone(profile);
        SaveCount++;
        return Task.CompletedTask;
    }

    public static PregnancyProfile Clone(PregnancyProfile p) => new()
    {
        UserId = p.UserId,
        DisplayName = p.DisplayName,
        DateOfBirth = p.DateOfBirth,
        HospitalNumber = p.HospitalNumber,
        DueDate = p.DueDate,
        BirthDate = p.BirthDate,
        BirthMode = p.BirthMode,
        TimeZoneId = p.TimeZoneId,
        RiskFactors = p.RiskFactors,
        MaternityPhone = p.MaternityPhone,
        PregnancyEndedOn = p.PregnancyEndedOn,
        BabyArrivedPromptAnsweredOn = p.BabyArrivedPromptAnsweredOn,
        Theme = p.Theme,
        CreatedAtUtc = p.CreatedAtUtc,
        UpdatedAtUtc = p.UpdatedAtUtc,
    };
}
