using LegCrampCare.Core.Abstractions;
using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LegCrampCare.Infrastructure.Tests.Stores;

public sealed class ProfileStoreTests(MigratedDatabaseFixture fixture) : IClassFixture<MigratedDatabaseFixture>
{
    private TestDatabase Database => fixture.Database;

    private IProfileStore Store => Database.Services.GetRequiredService<IProfileStore>();

    [Fact]
    public async Task FindAsync_UnknownUser_ReturnsNull()
    {
        Assert.Null(await Store.FindAsync(Guid.NewGuid().ToString(), CancellationToken.None));
    }

    [Fact]
    public async Task FindAsync_UserWithoutProfile_ReturnsNull()
    {
        var user = await Database.CreateUserAsync();

        Assert.Null(await Store.FindAsync(user, CancellationToken.None));
    }

    [Fact]
    public async Task SaveAsync_NewProfile_InsertsIt()
    {
        var user = await Database.CreateUserAsync();

        await Store.SaveAsync(NewProfile(user), CancellationToken.None);

        var stored = await Store.FindAsync(user, CancellationToken.None);
        Assert.NotNull(stored);
        Assert.Equal("Amira", stored.DisplayName);
    }

    [Fact]
    public async Task SaveAsync_ExistingProfile_UpdatesItInPlace()
    {
        var user = await Database.CreateUserAsync();
        await Store.SaveAsync(NewProfile(user), CancellationToken.None);
        var loaded = (await Store.FindAsync(user, CancellationToken.None))!;
        loaded.DisplayName = "Amira K.";
        loaded.BirthDate = new DateOnly(2026, 4, 2);
        loaded.BirthMode = BirthMode.CaesareanInLabour;
        loaded.RiskFactors |= RiskFactors.Pph;

        await Store.SaveAsync(loaded, CancellationToken.None);

        var stored = await Store.FindAsync(user, CancellationToken.None);
        Assert.NotNull(stored);
        Assert.Equal("Amira K.", stored.DisplayName);
        Assert.Equal(new DateOnly(2026, 4, 2), stored.BirthDate);
        Assert.Equal(BirthMode.CaesareanInLabour, stored.BirthMode);
        Assert.Equal(RiskFactors.AgeOver35 | RiskFactors.Smoker | RiskFactors.Pph, stored.RiskFactors);
        await using var db = await Database.Contexts.CreateDbContextAsync();
        Assert.Equal(1, await db.Profiles.CountAsync(p => p.UserId == user));
    }

    [Fact]
    public async Task SaveAsync_NewInstanceForExistingUser_ReplacesTheValues()
    {
        // The profile page builds a new object from the form rather than editing the loaded one.
        var user = await Database.CreateUserAsync();
        await Store.SaveAsync(NewProfile(user), CancellationToken.None);
        var replacement = NewProfile(user);
        replacement.HospitalNumber = null;
        replacement.DueDate = null;
        replacement.RiskFactors = RiskFactors.None;

        await Store.SaveAsync(replacement, CancellationToken.None);

        var stored = await Store.FindAsync(user, CancellationToken.None);
        Assert.NotNull(stored);
        Assert.Null(stored.HospitalNumber);
        Assert.Null(stored.DueDate);
        Assert.Equal(RiskFactors.None, stored.RiskFactors);
    }

    [Fact]
    public async Task SaveAsync_EveryRiskFactorAndDate_RoundTrips()
    {
        var user = await Database.CreateUserAsync();
        var everyFlag = Enum.GetValues<RiskFactors>().Aggregate(RiskFactors.None, (all, flag) => all | flag);
        var profile = new PregnancyProfile
        {
            UserId = user,
            DisplayName = "Zoë O'Brien",
            DateOfBirth = new DateOnly(1989, 2, 28),
            HospitalNumber = "943 476 5919",
            DueDate = new DateOnly(2026, 5, 17),
            BirthDate = new DateOnly(2026, 5, 3),
            BirthMode = BirthMode.OperativeVaginal,
            TimeZoneId = "Europe/London",
            RiskFactors = everyFlag,
            PregnancyEndedOn = new DateOnly(2026, 5, 3),
            BabyArrivedPromptAnsweredOn = new DateOnly(2026, 5, 18),
            Theme = ThemePreference.Night,
            CreatedAtUtc = new DateTime(2026, 1, 5, 9, 15, 30, DateTimeKind.Utc),
            UpdatedAtUtc = new DateTime(2026, 5, 18, 3, 2, 1, DateTimeKind.Utc),
        };
        Assert.True(everyFlag.HasFlag(RiskFactors.Stillbirth));

        await Store.SaveAsync(profile, CancellationToken.None);

        var stored = await Store.FindAsync(user, CancellationToken.None);
        Assert.NotNull(stored);
        Assert.Equal(everyFlag, stored.RiskFactors);
        Assert.Equal("Zoë O'Brien", stored.DisplayName);
        Assert.Equal(profile.DateOfBirth, stored.DateOfBirth);
        Assert.Equal("943 476 5919", stored.HospitalNumber);
        Assert.Equal(profile.DueDate, stored.DueDate);
        Assert.Equal(profile.BirthDate, stored.BirthDate);
        Assert.Equal(BirthMode.OperativeVaginal, stored.BirthMode);
        Assert.Equal("Europe/London", stored.TimeZoneId);
        Assert.Equal(profile.PregnancyEndedOn, stored.PregnancyEndedOn);
        Assert.Equal(profile.BabyArrivedPromptAnsweredOn, stored.BabyArrivedPromptAnsweredOn);
        Assert.Equal(ThemePreference.Night, stored.Theme);
        Assert.Equal(profile.CreatedAtUtc, stored.CreatedAtUtc);
        Assert.Equal(profile.UpdatedAtUtc, stored.UpdatedAtUtc);
    }

    [Theory]
    [InlineData(RiskFactors.None)]
    [InlineData(RiskFactors.PreviousVte)]
    [InlineData(RiskFactors.Stillbirth)]
    [InlineData(RiskFactors.PreviousVte | RiskFactors.Bmi40 | RiskFactors.Pph | RiskFactors.Stillbirth)]
    public async Task SaveAsync_RiskFactorFlags_RoundTripExactly(RiskFactors flags)
    {
        var user = await Database.CreateUserAsync();
        var profile = NewProfile(user);
        profile.RiskFactors = flags;

        await Store.SaveAsync(profile, CancellationToken.None);

        Assert.Equal(flags, (await Store.FindAsync(user, CancellationToken.None))?.RiskFactors);
    }

    [Fact]
    public async Task SaveAsync_OptionalDatesEmpty_RoundTripAsNull()
    {
        var user = await Database.CreateUserAsync();
        var profile = NewProfile(user);
        profile.DueDate = null;
        profile.BirthDate = null;
        profile.BirthMode = null;
        profile.PregnancyEndedOn = null;
        profile.BabyArrivedPromptAnsweredOn = null;

        await Store.SaveAsync(profile, CancellationToken.None);

        var stored = await Store.FindAsync(user, CancellationToken.None);
        Assert.NotNull(stored);
        Assert.Null(stored.DueDate);
        Assert.Null(stored.BirthDate);
        Assert.Null(stored.BirthMode);
        Assert.Null(stored.PregnancyEndedOn);
        Assert.Null(stored.BabyArrivedPromptAnsweredOn);
    }

    private static PregnancyProfile NewProfile(string userId) => new()
    {
        UserId = userId,
        DisplayName = "Amira",
        DateOfBirth = new DateOnly(1988, 7, 14),
        HospitalNumber = "H123456",
        DueDate = new DateOnly(2026, 4, 10),
        TimeZoneId = "Europe/London",
        RiskFactors = RiskFactors.AgeOver35 | RiskFactors.Smoker,
        Theme = ThemePreference.Auto,
        CreatedAtUtc = new DateTime(2026, 1, 1, 12, 0, 0, DateTimeKind.Utc),
        UpdatedAtUtc = new DateTime(2026, 1, 1, 12, 0, 0, DateTimeKind.Utc),
    };
}
