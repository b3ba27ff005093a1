using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;
using LegCrampCare.Infrastructure.Identity;
using LegCrampCare.Tests.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace LegCrampCare.EndToEnd.Tests;

/// <summary>
/// Two-step sign-in in Chromium, as staff meet it outside Development: a midwife signs in with her password, is asked to
/// set it up, scans (here: reads) the key, types the code, saves her recovery codes, and from then on signs in with a
/// code from her app.
/// </summary>
public sealed class StaffTwoFactorJourneyTests(StaffTwoFactorJourneyTests.Host host) : IClassFixture<StaffTwoFactorJourneyTests.Host>
{
    public sealed class Host : BrowserHost
    {
        protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?> { ["Auth:StaffTwoFactor"] = "Required" };
    }

    [BrowserFact]
    public async Task Midwife_SetsUpTwoStepSignIn_ThenSignsInWithACodeFromHerApp()
    {
        var email = $"midwife-{Guid.NewGuid():N}@nhs.example";
        await using (var scope = host.App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, StaffName = "Midwife Morgan" };
            Assert.True((await users.CreateAsync(user, Journey.Password)).Succeeded);
            await users.AddToRoleAsync(user, Roles.Midwife);
        }

        // Password alone: her patients wait until she has set it up.
        var page = await host.NewPageAsync();
        await Journey.SignInAsync(page, email);
        await page.GotoAsync("/caseload");
        await page.WaitForURLAsync("**/Account/Manage/TwoFactor?required=true");
        await Assertions.Expect(page.GetByTestId("two-factor-required")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "QR code of your authenticator key" })).ToBeVisibleAsync();
        await Journey.AssertAccessibleAsync(page);

        // She adds the key to her app and types the code it shows.
        var key = (await page.GetByTestId("authenticator-key").InnerTextAsync()).Trim();
        await page.GetByLabel("6-digit code").FillAsync(Totp.Code(key, DateTimeOffset.UtcNow));
        await page.GetByRole(AriaRole.Button, new() { Name = "Turn on two-step sign-in" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("recovery-codes")).ToBeVisibleAsync();
        Assert.Equal(10, await page.Locator("[data-testid=recovery-codes] li").CountAsync());
        await Journey.AssertAccessibleAsync(page);
        await page.GotoInteractiveAsync("/caseload");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "My patients", Level = 1 })).ToBeVisibleAsync();

        // Next time, on another device: password, then a code.
        var other = await host.NewPageAsync();
        await Journey.SignInAsync(other, email);
        await other.WaitForURLAsync("**/Account/LoginWith2fa**");
        await Journey.AssertAccessibleAsync(other);
        await other.GetByLabel("6-digit code").FillAsync(Totp.Code(key, DateTimeOffset.UtcNow));
        await other.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await other.WaitForURLAsync(url => !url.Contains("/Account/", StringComparison.Ordinal));
        await other.GotoInteractiveAsync("/caseload");
        await Assertions.Expect(other.GetByRole(AriaRole.Heading, new() { Name = "My patients", Level = 1 })).ToBeVisibleAsync();
    }
}
