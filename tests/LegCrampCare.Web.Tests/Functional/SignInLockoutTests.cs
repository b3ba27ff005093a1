using System.Net;
using System.Text;
using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;
using LegCrampCare.Infrastructure.Identity;
using LegCrampCare.Tests.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;

namespace LegCrampCare.Web.Tests.Functional;

/// <summary>
/// Issue 12 and ADR 0018 (ASVS 5.0 V6.3), over HTTP in the running app, with each client at its own address (through a
/// known reverse proxy) and a clock the test moves: wrong passwords slow down with growing delays per account and
/// address and per address; one address can't lock anyone out, however long it tries; failures from many addresses
/// lock the account, its owner is emailed, and the emailed reset link (or "forgot password") lets her in and unlocks it.
/// </summary>
public sealed class SignInLockoutTests : IAsyncLifetime
{
    private const string Password = "quiet night leg stretch";
    private const string NewPassword = "lighthouse kettle orchard";
    private static readonly IPAddress Proxy = IPAddress.Parse("10.0.0.5");

    private readonly MovableClock _clock = new();
    private readonly TestAppFactory _factory;
    private string _anna = default!;

    public SignInLockoutTests()
    {
        _factory = new TestAppFactory { RemoteAddress = Proxy, Time = _clock, Emails = new CapturingEmailTransport() };
        _factory.Settings["Proxy:KnownProxies:0"] = Proxy.ToString();
        _factory.Settings["RateLimits:AccountPostsPerMinute"] = "1000";
    }

    public async Task InitializeAsync() => _anna = await TestAccounts.CreateAsync(_factory.Services, Roles.Patient, Password);

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private CapturingEmailTransport Emails => _factory.Emails!;

    /// <summary>The system clock plus an offset the test moves forward.</summary>
    private sealed class MovableClock : TimeProvider
    {
        public TimeSpan Offset { get; set; }

        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;
    }

    private HttpClient From(string address)
    {
        var client = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        return client;
    }

    private enum Outcome
    {
        SignedIn,
        Wrong,
        Wait,
        Locked,
    }

    private static async Task<Outcome> SignInAsync(HttpClient client, string email, string password)
    {
        var response = await HtmlForms.SubmitAsync(client, "/Account/Login", "login", ("Input.Email", email), ("Input.Password", password));
        if (response.StatusCode == HttpStatusCode.Redirect)
        {
            return response.Headers.Location!.ToString().Contains("Account/Lockout", StringComparison.Ordinal) ? Outcome.Locked : Outcome.SignedIn;
        }

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        return html.Contains("data-testid=\"sign-in-wait\"", StringComparison.Ordinal) ? Outcome.Wait
            : html.Contains("don&#x27;t match an account", StringComparison.Ordinal) || html.Contains("don't match an account", StringComparison.Ordinal) ? Outcome.Wrong
            : throw new InvalidOperationException("Unexpected sign-in page: " + html[..Math.Min(html.Length, 500)]);
    }

    private async Task<ApplicationUser> AnnaAsync()
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(_anna))!;
    }

    [Fact]
    public async Task WrongPasswords_FromOneAddress_WaitGrowsAndTheRightPasswordIsNotEvenTriedDuringIt()
    {
        var attacker = From("203.0.113.7");
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(Outcome.Wrong, await SignInAsync(attacker, _anna, "wrong guess " + i));
        }

        Assert.Equal(Outcome.Wrong, await SignInAsync(attacker, _anna, "wrong guess 4"));
        Assert.Equal(Outcome.Wait, await SignInAsync(attacker, _anna, Password));
        _clock.Offset += TimeSpan.FromSeconds(1);
        Assert.Equal(Outcome.Wrong, await SignInAsync(attacker, _anna, "wrong guess 5"));
        _clock.Offset += TimeSpan.FromSeconds(1);
        Assert.Equal(Outcome.Wait, await SignInAsync(attacker, _anna, Password));
        _clock.Offset += TimeSpan.FromSeconds(1);
        Assert.Equal(Outcome.SignedIn, await SignInAsync(attacker, _anna, Password));
    }

    [Fact]
    public async Task AttackerFailingForHoursFromOneAddress_NeverLocksHerOut_AndSheSignsInFromHers()
    {
        var attacker = From("203.0.113.7");
        for (var i = 0; i < 40; i++)
        {
            Assert.NotEqual(Outcome.Locked, await SignInAsync(attacker, _anna, "wrong guess " + i));
            _clock.Offset += TimeSpan.FromMinutes(15);
        }

        Assert.Equal(Outcome.SignedIn, await SignInAsync(From("198.51.100.20"), _anna, Password));
        Assert.Null((await AnnaAsync()).LockoutEnd);
        Assert.DoesNotContain(Emails.Sent, m => m.To == _anna);
    }

    [Fact]
    public async Task ThreeWrongPasswordsFromEachOfTenNetworks_LockTheAccount_EmailHerOnce_AndTheEmailedLinkLetsHerIn()
    {
        for (var network = 1; network <= 10; network++)
        {
            var attacker = From($"203.0.{network}.7");
            for (var i = 0; i < 3; i++)
            {
                var outcome = await SignInAsync(attacker, _anna, $"wrong {network}.{i}");
                Assert.Equal(network == 10 && i == 2 ? Outcome.Locked : Outcome.Wrong, outcome);

                // After ten wrong passwords in all, each of these addresses waits from the account's last failure.
                _clock.Offset += TimeSpan.FromMinutes(15);
            }
        }

        // Locked: even the right password doesn't sign in, from her address too; a later try sends no second email.
        var home = From("198.51.100.20");
        Assert.Equal(Outcome.Locked, await SignInAsync(home, _anna, Password));
        Assert.Equal(Outcome.Locked, await SignInAsync(From("203.0.11.7"), _anna, "wrong again"));
        var email = Assert.Single(Emails.Sent, m => m.To == _anna);
        Assert.Equal("Your LegCrampCare account is locked for now", email.Subject);
        Assert.Contains("None of these tries got in.", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("That also unlocks the account.", email.TextBody, StringComparison.Ordinal);
        var lockPage = await home.GetStringAsync(new Uri("/Account/Lockout", UriKind.Relative));
        Assert.Contains("reset your password", lockPage, StringComparison.Ordinal);

        // The link in the email: a new password, and she is in at once, long before the lock would end.
        var link = await Emails.LinkSentToAsync(_anna);
        Assert.Equal("/Account/ResetPassword", link.AbsolutePath);
        var code = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(QueryHelpers.ParseQuery(link.Query)["code"]!));
        var reset = await HtmlForms.SubmitAsync(home, link.PathAndQuery, "reset-password",
            ("Input.Code", code), ("Input.Email", _anna), ("Input.Password", NewPassword), ("Input.ConfirmPassword", NewPassword));
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        Assert.Contains("ResetPasswordConfirmation", reset.Headers.Location!.ToString(), StringComparison.Ordinal);

        Assert.Equal(Outcome.SignedIn, await SignInAsync(home, _anna, NewPassword));
        Assert.Null((await AnnaAsync()).LockoutEnd);
    }

    [Fact]
    public async Task ManyAddressesOfOneNetwork_NeverLockTheAccount()
    {
        for (var address = 1; address <= 12; address++)
        {
            var attacker = From($"203.0.113.{address}");
            for (var i = 0; i < 3; i++)
            {
                Assert.NotEqual(Outcome.Locked, await SignInAsync(attacker, _anna, $"wrong {address}.{i}"));
                _clock.Offset += TimeSpan.FromMinutes(15);
            }
        }

        Assert.Equal(Outcome.SignedIn, await SignInAsync(From("198.51.100.20"), _anna, Password));
    }

    [Fact]
    public async Task AnEmailWithNoAccount_IsAnsweredLikeOneWithAnAccount_UpToTheLock()
    {
        const string nobody = "nobody-here@example.org";
        for (var network = 1; network <= 10; network++)
        {
            var attacker = From($"203.0.{network}.9");
            for (var i = 0; i < 3; i++)
            {
                Assert.Equal(network == 10 && i == 2 ? Outcome.Locked : Outcome.Wrong, await SignInAsync(attacker, nobody, $"wrong {network}.{i}"));
                _clock.Offset += TimeSpan.FromMinutes(15);
            }
        }

        Assert.Equal(Outcome.Locked, await SignInAsync(From("198.51.100.20"), nobody, Password));
        Assert.DoesNotContain(Emails.Sent, m => m.To == nobody);
    }

    [Fact]
    public async Task WhileLocked_ForgotPassword_StillSendsHerALinkThatLetsHerIn()
    {
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            Assert.True((await users.SetLockoutEndDateAsync((await users.FindByEmailAsync(_anna))!, _clock.GetUtcNow().AddHours(1))).Succeeded);
        }

        var home = From("198.51.100.20");
        Assert.Equal(Outcome.Locked, await SignInAsync(home, _anna, Password));

        var asked = await HtmlForms.SubmitAsync(home, "/Account/ForgotPassword", "forgot-password", ("Input.Email", _anna));
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        var link = await Emails.LinkSentToAsync(_anna);
        var code = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(QueryHelpers.ParseQuery(link.Query)["code"]!));
        await HtmlForms.SubmitAsync(home, link.PathAndQuery, "reset-password",
            ("Input.Code", code), ("Input.Email", _anna), ("Input.Password", NewPassword), ("Input.ConfirmPassword", NewPassword));

        Assert.Equal(Outcome.SignedIn, await SignInAsync(home, _anna, NewPassword));
    }

    [Fact]
    public async Task OneAddressTryingManyAccounts_WaitsAfterTwentyWrongPasswords_OthersAreNotSlowed()
    {
        var sprayer = From("203.0.113.50");
        for (var i = 0; i < 21; i++)
        {
            Assert.Equal(Outcome.Wrong, await SignInAsync(sprayer, $"person{i}@example.org", "Summer2026!"));
        }

        Assert.Equal(Outcome.Wait, await SignInAsync(sprayer, _anna, Password));
        Assert.Equal(Outcome.SignedIn, await SignInAsync(From("198.51.100.20"), _anna, Password));
    }
}
