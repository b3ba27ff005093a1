using LegCrampCare.Infrastructure.Identity;
using LegCrampCare.Tests.Shared;
using LegCrampCare.Web.Services;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace LegCrampCare.Web.Tests.Functional;

/// <summary>In Development the demo accounts are created on start; their passwords never reach the log files.</summary>
public sealed class DemoAccountsTests
{
    [Fact]
    public async Task Development_FirstStart_CreatesTheDemoAccounts_AndKeepsTheirPasswordsOutOfTheLogFiles()
    {
        await using var factory = new TestAppFactory { Environment = "Development" };
        var client = factory.CreateClient();

        var health = await client.GetAsync(new Uri("/health", UriKind.Relative));

        Assert.True(health.IsSuccessStatusCode);
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        foreach (var (email, role) in DemoDataSeeder.Accounts)
        {
            var user = await users.FindByEmailAsync(email);
            Assert.NotNull(user);
            Assert.True(await users.IsInRoleAsync(user, role));
        }

        // The file sink writes in the background: give it time on a busy machine (the suite runs projects in parallel).
        var logs = factory.ReadLogs();
        for (var waited = 0; string.IsNullOrEmpty(logs) && waited < 150; waited++)
        {
            await Task.Delay(100);
            logs = factory.ReadLogs();
        }

        Assert.False(string.IsNullOrEmpty(logs), "The app wrote no log file.");
        Assert.DoesNotContain("Demo accounts created", logs, StringComparison.Ordinal);
        Assert.DoesNotContain("@demo.legcrampcare.test", logs, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Development_PasswordResetLink_IsNeverWrittenToTheLogFiles()
    {
        await using var factory = new TestAppFactory { Environment = "Development" };
        var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await HtmlForms.SubmitAsync(client, "/Account/ForgotPassword", "forgot-password", ("Input.Email", DemoDataSeeder.Accounts[0].Email));

        Assert.True((int)response.StatusCode < 500);
        await Task.Delay(1500); // the file sink writes in the background
        var logs = factory.ReadLogs();

        Assert.False(string.IsNullOrEmpty(logs), "The app wrote no log file.");
        Assert.DoesNotContain("ResetPassword?", logs, StringComparison.Ordinal);
        Assert.DoesNotContain("code=", logs, StringComparison.Ordinal);
    }
}
