using System.Net;
using System.Security.Claims;
using System.Text.RegularExpressions;
using LegCrampCare.Core.Domain;
using LegCrampCare.Infrastructure.Identity;
using LegCrampCare.Tests.Shared;
using LegCrampCare.Web.Services;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace LegCrampCare.Web.Tests.Functional;

/// <summary>
/// Two-step sign-in for staff (Auth:StaffTwoFactor = Required, the default outside Development), over HTTP in the real
/// app: a midwife signed in with a password alone is sent to set it up and her staff pages wait; she sets it up with a
/// code from her app and gets recovery codes; from then on signing in asks for a code (or a recovery code, once).
/// </summary>
public sealed partial class StaffTwoFactorTests : IClassFixture<StaffTwoFactorTests.Factory>
{
    private const string Password = "quiet night leg stretch";

    private readonly Factory _factory;

    public StaffTwoFactorTests(Factory factory) => _factory = factory;

    public sealed class Factory : TestAppFactory
    {
        public Factory() => Settings["Auth:StaffTwoFactor"] = "Required";
    }

    [GeneratedRegex("data-testid=\"authenticator-key\">([A-Z0-9 ]+)</code>")]
    private static partial Regex KeyPattern();

    [GeneratedRegex("<li><code>([^<]+)</code></li>")]
    private static partial Regex RecoveryCodePattern();

    private HttpClient Client() => _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private async Task<string> AccountAsync(string role)
    {
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@example.org";
        await using var scope = _factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, CreatedAtUtc = DateTime.UtcNow, StaffName = "Midwife Mo" };
        Assert.True((await users.CreateAsync(user, Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        return email;
    }

    private static string Location(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return new Uri(new Uri("http://localhost/"), response.Headers.Location!).PathAndQuery;
    }

    /// <summary>A midwife signs in with her password and turns on two-step sign-in; returns her client, key and recovery codes.</summary>
    private async Task<(string Email, HttpClient Client, string Key, IReadOnlyList<string> RecoveryCodes)> SetUpAsync(string role = Roles.Midwife)
    {
        var email = await AccountAsync(role);
        var client = Client();
        await HtmlForms.SignInAsync(client, email, Password);
        var page = await (await client.GetAsync(new Uri(StaffTwoFactor.SetUpPath, UriKind.Relative))).Content.ReadAsStringAsync();
        var key = KeyPattern().Match(page).Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(key));

        var enabled = await HtmlForms.SubmitAsync(client, StaffTwoFactor.SetUpPath, "enable-2fa", ("Input.Code", Totp.Code(key, DateTimeOffset.UtcNow)));
        var html = await enabled.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"recovery-codes\"", html, StringComparison.Ordinal);
        var codes = RecoveryCodePattern().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(10, codes.Count);
        return (email, client, key, codes);
    }

    [Fact]
    public async Task Midwife_SignedInWithAPasswordAlone_IsSentToSetItUpAndHerServicesGiveHerNothing()
    {
        var client = Client();
        await HtmlForms.SignInAsync(client, await AccountAsync(Roles.Midwife), Password);

        var caseload = await client.GetAsync(new Uri("/caseload", UriKind.Relative));
        var setUp = await (await client.GetAsync(new Uri(Location(caseload), UriKind.Relative))).Content.ReadAsStringAsync();

        Assert.Equal(StaffTwoFactor.SetUpPath + "?required=true", Location(caseload));
        Assert.Contains("Staff accounts need two-step sign-in", setUp, StringComparison.Ordinal);
        Assert.Matches(KeyPattern(), setUp);
        Assert.Contains("<svg", setUp, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Midwife_SetsItUp_ThenHerPagesOpen_AndTheNextSignInAsksForACode()
    {
        var (email, client, key, _) = await SetUpAsync();

        var caseload = await client.GetAsync(new Uri("/caseload", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, caseload.StatusCode);

        // On another device: password, then a code.
        var other = Client();
        var password = await HtmlForms.SubmitAsync(other, "/Account/Login?ReturnUrl=%2Fcaseload", "login", ("Input.Email", email), ("Input.Password", Password));
        var step = Location(password);
        Assert.StartsWith("/Account/LoginWith2fa", step, StringComparison.Ordinal);
        Assert.StartsWith("/Account/Login?", Location(await other.GetAsync(new Uri("/caseload", UriKind.Relative))), StringComparison.Ordinal); // not signed in until the code

        var wrong = await HtmlForms.SubmitAsync(other, step, "login-2fa", ("Input.Code", "000000"));
        Assert.Contains("That code didn&#x27;t work", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var right = await HtmlForms.SubmitAsync(other, step, "login-2fa", ("Input.Code", Totp.Code(key, DateTimeOffset.UtcNow)));
        Assert.Equal("/caseload", Location(right));
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync(new Uri("/caseload", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Midwife_ChangesHerPassword_KeepsHerPagesInThisSession()
    {
        var (_, client, _, _) = await SetUpAsync();

        var changed = await HtmlForms.SubmitAsync(client, "/Account/Manage/ChangePassword", "change-password",
            ("Input.OldPassword", Password), ("Input.NewPassword", "another quiet night stretch"), ("Input.ConfirmPassword", "another quiet night stretch"));

        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/caseload", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Admin_ResetsAMidwifesTwoStepSignIn_SheSignsInWithHerPasswordAndMustSetItUpAgain_Audited()
    {
        var (_, admin, _, _) = await SetUpAsync(Roles.Admin);
        var (midwife, _, _, _) = await SetUpAsync();
        string midwifeId;
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            midwifeId = (await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(midwife))!.Id;
        }

        var reset = await HtmlForms.SubmitAsync(admin, $"/admin/users/{midwifeId}", "reset-2fa");

        Assert.Contains("Two-step sign-in reset.", await reset.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var client = Client();
        await HtmlForms.SignInAsync(client, midwife, Password);
        Assert.Equal(StaffTwoFactor.SetUpPath + "?required=true", Location(await client.GetAsync(new Uri("/caseload", UriKind.Relative))));
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<LegCrampCare.Infrastructure.Persistence.AppDbContext>>();
            await using var context = await db.CreateDbContextAsync();
            Assert.Equal(1, await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(context.AuditEvents, a => a.Action == "two-factor.reset" && a.SubjectUserId == midwifeId));
        }
    }

    [Fact]
    public async Task Admin_WithoutTheSecondStep_CannotResetAnyone()
    {
        var (midwife, _, _, _) = await SetUpAsync();
        string midwifeId;
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            midwifeId = (await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(midwife))!.Id;
        }

        var admin = Client();
        await HtmlForms.SignInAsync(admin, await AccountAsync(Roles.Admin), Password);

        Assert.Equal(StaffTwoFactor.SetUpPath + "?required=true", Location(await admin.GetAsync(new Uri($"/admin/users/{midwifeId}", UriKind.Relative))));
        await using var scope2 = _factory.Services.CreateAsyncScope();
        Assert.True(await scope2.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().GetTwoFactorEnabledAsync(
            (await scope2.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByIdAsync(midwifeId))!));
    }

    [Fact]
    public async Task RecoveryCode_SignsInOnce()
    {
        var (email, _, _, codes) = await SetUpAsync();

        async Task<HttpResponseMessage> SignInWithRecoveryCodeAsync()
        {
            var client = Client();
            Location(await HtmlForms.SubmitAsync(client, "/Account/Login", "login", ("Input.Email", email), ("Input.Password", Password)));
            // Typed as people do: lower case, a space for the hyphen.
            return await HtmlForms.SubmitAsync(client, "/Account/LoginWithRecoveryCode", "login-recovery", ("Input.RecoveryCode", codes[0].Replace("-", " ", StringComparison.Ordinal).ToLowerInvariant()));
        }

        Assert.Equal(HttpStatusCode.Redirect, (await SignInWithRecoveryCodeAsync()).StatusCode);
        var again = await SignInWithRecoveryCodeAsync();
        Assert.Contains("That recovery code didn&#x27;t work", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Patient_IsNeverAskedForIt()
    {
        var client = Client();
        var email = $"patient-{Guid.NewGuid():N}@example.org";
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, CreatedAtUtc = DateTime.UtcNow, HealthDataConsentAtUtc = DateTime.UtcNow };
            Assert.True((await users.CreateAsync(user, Password)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, Roles.Patient)).Succeeded);
        }

        await HtmlForms.SignInAsync(client, email, Password);

        var history = await client.GetAsync(new Uri("/history", UriKind.Relative));
        Assert.NotEqual(StaffTwoFactor.SetUpPath + "?required=true", history.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData(StaffTwoFactorMode.Required, false, new[] { Roles.Patient })]
    [InlineData(StaffTwoFactorMode.Required, true, new[] { Roles.Midwife, Roles.Patient })]
    [InlineData(StaffTwoFactorMode.Off, false, new[] { Roles.Midwife, Roles.Patient })]
    public void CurrentUser_StaffRoleWithoutTheSecondStep_DoesNotCount(StaffTwoFactorMode mode, bool secondStep, string[] expected)
    {
        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, "u-1"), new(ClaimTypes.Role, Roles.Midwife), new(ClaimTypes.Role, Roles.Patient) };
        if (secondStep)
        {
            claims.Add(new Claim(StaffTwoFactor.MethodClaim, StaffTwoFactor.MultiFactor));
        }

        var user = CurrentUser.FromPrincipal(new ClaimsPrincipal(new ClaimsIdentity(claims, "test")), mode);

        Assert.Equal(expected.Order(StringComparer.Ordinal), user.Roles.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Off_OutsideDevelopment_StopsTheAppAtStart()
    {
        using var factory = new TestAppFactory { Environment = "Production" };
        factory.Settings["Auth:StaffTwoFactor"] = "Off";

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("Auth:StaffTwoFactor can be Off only in Development", error.ToString(), StringComparison.Ordinal);
    }
}
