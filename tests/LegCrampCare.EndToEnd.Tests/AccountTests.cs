using Microsoft.Playwright;

namespace LegCrampCare.EndToEnd.Tests;

/// <summary>Account pages in the browser: weak passwords refused, sign out, delete account.</summary>
public sealed class AccountTests : IClassFixture<BrowserHost>
{
    private readonly BrowserHost _host;

    public AccountTests(BrowserHost host) => _host = host;

    [BrowserFact]
    public async Task Register_CommonPassword_RefusedWithPlainMessage()
    {
        var page = await _host.NewPageAsync();
        await page.GotoAsync("/Account/Register");
        await page.GetByLabel("Email", new() { Exact = true }).FillAsync($"weak-{Guid.NewGuid():N}@example.org");
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync("password1234");
        await page.GetByLabel("Password again").FillAsync("password1234");
        await page.GetByLabel("I agree that LegCrampCare may store").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();

        await Assertions.Expect(page.Locator(".lcc-status[role=alert]")).ToContainTextAsync("one of the most commonly used");
        Assert.Contains("/Account/Register", page.Url, StringComparison.Ordinal);
    }

    [BrowserFact]
    public async Task Register_WithoutConsent_RefusedAndNoAccount()
    {
        var email = $"noconsent-{Guid.NewGuid():N}@example.org";
        var page = await _host.NewPageAsync();
        await page.GotoAsync("/Account/Register");
        await page.GetByLabel("Email", new() { Exact = true }).FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(Journey.Password);
        await page.GetByLabel("Password again").FillAsync(Journey.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();

        await Assertions.Expect(page.GetByText("please agree that we may store your health information")).ToBeVisibleAsync();
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Email", new() { Exact = true }).FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(Journey.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.Locator(".lcc-status[role=alert]")).ToContainTextAsync("don't match an account");
    }

    [BrowserFact]
    public async Task DeleteAccount_Confirmed_RemovesHerAndSignInFails()
    {
        var email = $"leaver-{Guid.NewGuid():N}@example.org";
        var page = await _host.NewPageAsync();
        await Journey.RegisterPatientAsync(page, email, "Leaving Patient", DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30));
        await Journey.LogACrampAsync(page, "Both");

        await page.GotoAsync("/Account/Manage/DeletePersonalData");
        await Journey.AssertAccessibleAsync(page);
        await page.GetByLabel("Your password, to confirm").FillAsync(Journey.Password);
        await page.GetByLabel("I understand that everything will be deleted.").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete my account and data" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your account has been deleted" })).ToBeVisibleAsync();

        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Email", new() { Exact = true }).FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(Journey.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.Locator(".lcc-status[role=alert]")).ToContainTextAsync("don't match an account");
        await Assertions.Expect(page.Locator("#blazor-error-ui")).ToBeHiddenAsync();
    }

    [BrowserFact]
    public async Task SignOut_FromAnyPage_EndsTheSession()
    {
        var page = await _host.NewPageAsync();
        await Journey.RegisterPatientAsync(page, $"out-{Guid.NewGuid():N}@example.org", "Signing Out", DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30));

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Create an account" })).ToBeVisibleAsync();

        await page.GotoAsync("/history");
        await page.WaitForURLAsync("**/Account/Login**");
    }
}
