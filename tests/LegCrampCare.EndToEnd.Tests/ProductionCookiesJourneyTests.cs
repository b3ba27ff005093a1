using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;
using LegCrampCare.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace LegCrampCare.EndToEnd.Tests;

/// <summary>
/// The app as deployed (environment Production: Secure <c>__Host-</c> sign-in cookie, ADR 0015), opened over plain HTTP
/// on loopback as an operator does before putting a proxy in front: Chromium keeps the cookie there, so she signs in.
/// </summary>
public sealed class ProductionCookiesJourneyTests(ProductionCookiesJourneyTests.Host host) : IClassFixture<ProductionCookiesJourneyTests.Host>
{
    public sealed class Host : BrowserHost
    {
        protected override string AppEnvironment => "Production";

        protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?> { ["Auth:StaffTwoFactor"] = "Required" };
    }

    [BrowserFact]
    public async Task Patient_SignsInOverLoopback_WithTheSecureHostOnlyCookie()
    {
        var email = $"patient-{Guid.NewGuid():N}@example.org";
        await using (var scope = host.App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, CreatedAtUtc = DateTime.UtcNow, HealthDataConsentAtUtc = DateTime.UtcNow };
            Assert.True((await users.CreateAsync(user, Journey.Password)).Succeeded);
            await users.AddToRoleAsync(user, Roles.Patient);
        }

        var page = await host.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await Assertions.Expect(page.GetByTestId("needs-https")).ToHaveCountAsync(0);
        await Journey.SignInAsync(page, email);

        var cookie = Assert.Single(await page.Context.CookiesAsync(), c => c.Name == "__Host-lcc-auth");
        Assert.True(cookie.Secure);
        Assert.True(cookie.HttpOnly);
        await page.GotoInteractiveAsync("/history");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        Assert.Equal("/history", new Uri(page.Url).AbsolutePath);
    }
}
