using System.Buffers.Binary;
using LegCrampCare.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LegCrampCare.Infrastructure.Tests.Identity;

/// <summary>The password policy of docs/decisions/0005, exercised through UserManager as registration uses it.</summary>
public sealed class CommonPasswordValidatorTests(MigratedDatabaseFixture fixture) : IClassFixture<MigratedDatabaseFixture>
{
    private TestDatabase Database => fixture.Database;

    [Fact]
    public void ListSize_EmbeddedList_HasAtLeastTenThousandEntries()
    {
        Assert.True(CommonPasswordValidator.ListSize >= 10_000, $"Only {CommonPasswordValidator.ListSize} common passwords loaded.");
    }

    [Theory]
    [InlineData("password")]
    [InlineData("password1234")]
    [InlineData("qwertyuiop123")]
    [InlineData("1qaz2wsx3edc")]
    [InlineData("leavemealone")]
    public void IsCommon_EntryOfTheList_ReturnsTrue(string password)
    {
        Assert.True(CommonPasswordValidator.IsCommon(password));
    }

    [Theory]
    [InlineData("violet tram umbrella seventeen")]
    [InlineData("purple tiger")]
    public void IsCommon_UncommonPassphrase_ReturnsFalse(string password)
    {
        Assert.False(CommonPasswordValidator.IsCommon(password));
    }

    [Theory]
    [InlineData("password1234")]
    [InlineData("qwertyuiop123")]
    [InlineData("1qaz2wsx3edc")]
    [InlineData("leavemealone")]
    [InlineData("PASSWORD1234")]
    [InlineData(" qwertyuiop123 ")]
    public async Task CreateAsync_CommonPasswordOfTwelvePlusCharacters_IsRefusedWithAClearError(string password)
    {
        // At least 12 characters, so only the common-password rule can refuse it.
        Assert.True(password.Length >= 12);

        var result = await CreateUserAsync(password);

        var error = Assert.Single(result.Errors);
        Assert.Equal("PasswordTooCommon", error.Code);
        Assert.Contains("commonly used", error.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateAsync_SixtyFourCharacterPassphrase_IsAccepted()
    {
        var password = "the night train hums past seven quiet orchards toward the harbou";
        Assert.Equal(64, password.Length);

        TestDatabase.AssertSucceeded(await CreateUserAsync(password));
    }

    [Fact]
    public async Task CreateAsync_LongerThanMaxLength_IsRefused()
    {
        var password = new string('k', CommonPasswordValidator.MaxLength) + "x";

        var result = await CreateUserAsync(password);

        Assert.Contains(result.Errors, e => e.Code == "PasswordTooLong");
    }

    [Fact]
    public async Task CreateAsync_ElevenCharacters_IsRefusedAsTooShort()
    {
        var result = await CreateUserAsync("purple tige");

        Assert.False(result.Succeeded);
        Assert.Equal(["PasswordTooShort"], result.Errors.Select(e => e.Code));
    }

    [Theory]
    [InlineData("purple tiger")]
    [InlineData("correct hors")]
    [InlineData("aaaaaaaaaaab")]
    public async Task CreateAsync_TwelveCharactersWithoutCompositionRules_IsAccepted(string password)
    {
        // All lowercase, no digit, no symbol: 12 characters is enough on its own.
        Assert.Equal(12, password.Length);

        TestDatabase.AssertSucceeded(await CreateUserAsync(password));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task CreateAsync_EmailAsPassword_IsRefused(bool differentCase)
    {
        var email = $"night-owl-{Guid.NewGuid():N}@example.com";

        var result = await CreateUserAsync(differentCase ? email.ToUpperInvariant() : email, email);

        var error = Assert.Single(result.Errors);
        Assert.Equal("PasswordIsEmail", error.Code);
    }

    [Fact]
    public void PasswordHasherOptions_FromContainer_UseAtLeast210000Iterations()
    {
        var options = Database.Services.GetRequiredService<IOptions<PasswordHasherOptions>>().Value;

        Assert.True(options.IterationCount >= 210_000, $"IterationCount is {options.IterationCount}.");
        Assert.Equal(PasswordHasherCompatibilityMode.IdentityV3, options.CompatibilityMode);
    }

    [Fact]
    public async Task CreateAsync_WithPassword_StoresHashWithAtLeast210000Iterations()
    {
        var email = $"hash-{Guid.NewGuid():N}@example.com";
        TestDatabase.AssertSucceeded(await CreateUserAsync("violet tram umbrella seventeen", email));

        var hash = await Database.WithUserManagerAsync(async users => (await users.FindByEmailAsync(email))?.PasswordHash);

        // Identity V3 format: 0x01, PRF (4 bytes), iteration count (4 bytes, big-endian), salt length, salt, subkey.
        Assert.NotNull(hash);
        var bytes = Convert.FromBase64String(hash);
        Assert.Equal(0x01, bytes[0]);
        Assert.True(BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(5, 4)) >= 210_000);
    }

    [Fact]
    public void IdentityOptions_FromContainer_LockOutAfterFiveWrongTwoStepCodes()
    {
        // Wrong two-step codes; wrong passwords are counted by the web app's SignInThrottle (ADR 0018).
        var options = Database.Services.GetRequiredService<IOptions<IdentityOptions>>().Value;

        Assert.Equal(5, options.Lockout.MaxFailedAccessAttempts);
        Assert.True(options.Lockout.AllowedForNewUsers);
        Assert.Equal(12, options.Password.RequiredLength);
    }

    [Fact]
    public async Task AccessFailedAsync_FiveTimes_LocksTheAccountOut()
    {
        // Identity's counter, which only wrong two-step codes use; wrong passwords go through the web app's SignInThrottle.
        var userId = await Database.CreateUserAsync();

        var (afterFour, afterFive) = await Database.WithUserManagerAsync(async users =>
        {
            var user = (await users.FindByIdAsync(userId))!;
            for (var i = 0; i < 4; i++)
            {
                TestDatabase.AssertSucceeded(await users.AccessFailedAsync(user));
            }

            var before = await users.IsLockedOutAsync(user);
            TestDatabase.AssertSucceeded(await users.AccessFailedAsync(user));
            return (before, await users.IsLockedOutAsync(user));
        });

        Assert.False(afterFour);
        Assert.True(afterFive);
        var stillLocked = await Database.WithUserManagerAsync(async users => await users.IsLockedOutAsync((await users.FindByIdAsync(userId))!));
        Assert.True(stillLocked);
    }

    private Task<IdentityResult> CreateUserAsync(string password, string? email = null)
    {
        email ??= $"user-{Guid.NewGuid():N}@example.com";
        return Database.WithUserManagerAsync(users =>
            users.CreateAsync(new ApplicationUser { UserName = email, Email = email, CreatedAtUtc = DateTime.UtcNow }, password));
    }
}
