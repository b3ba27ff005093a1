using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;
using LegCrampCare.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace LegCrampCare.EndToEnd.Tests;

/// <summary>
/// A staff invitation in Chromium: an admin invites a midwife from the Users page, the midwife opens the emailed link
/// in her own browser, chooses her password and signs in; the same link then says it has expired or was used.
/// </summary>
public sealed class StaffInvitationJourneyTests : IClassFixture<BrowserHost>
{
    private readonly BrowserHost _host;

    public StaffInvitationJourneyTests(BrowserHost host) => _host = host;

    private async Task<string> AdminAsync()
    {
        var email = $"admin-{Guid.NewGuid():N}@example.org";
        await using var scope = _host.App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, CreatedAtUtc = DateTime.UtcNow };
        Assert.True((await users.CreateAsync(user, Journey.Password)).Succeeded);
        await users.AddToRoleAsync(user, Roles.Admin);
        return email;
    }

    [BrowserFact]
    public async Task AdminInvitesMidwife_SheSetsHerPasswordFromTheEmailedLinkAndSignsIn_TheLinkThenNoLongerWorks()
    {
        var midwifeEmail = $"midwife-{Guid.NewGuid():N}@example.org";
        const string midwifePassword = "kettle harbour lantern meadow";

        // The admin invites her from the Users page.
        var admin = await _host.NewPageAsync();
        await admin.SetViewportSizeAsync(1280, 900);
        await Journey.SignInAsync(admin, await AdminAsync(), Journey.Password);
        await admin.GotoAsync("/admin/users");
        await admin.GetByRole(AriaRole.Link, new() { Name = "Invite a staff member" }).ClickAsync();
        await admin.GetByLabel("Email", new() { Exact = true }).FillAsync(midwifeEmail);
        await admin.GetByLabel("Midwife", new() { Exact = true }).CheckAsync();
        await admin.GetByLabel("Name as patients and readers see it").FillAsync("Sam Smith, community midwife");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Send the invitation" }).ClickAsync();
        await Assertions.Expect(admin.GetByText($"Invitation sent to {midwifeEmail}.")).ToBeVisibleAsync();
        await Journey.AssertAccessibleAsync(admin);
        await admin.GotoAsync("/admin/users");
        var row = admin.GetByRole(AriaRole.Row).Filter(new() { HasText = midwifeEmail });
        await Assertions.Expect(row).ToContainTextAsync("Invited, link expires");
        await Assertions.Expect(row.GetByRole(AriaRole.Button, new() { Name = "Send a new link" })).ToBeVisibleAsync();
        await Journey.AssertAccessibleAsync(admin);

        // She opens the link from her email in her own browser and chooses her password.
        var link = await _host.Emails.LinkSentToAsync(midwifeEmail);
        var midwife = await _host.NewPageAsync();
        await midwife.GotoAsync(link.ToString());
        await Assertions.Expect(midwife.GetByText("Set your password to finish setting up your LegCrampCare staff account")).ToBeVisibleAsync();
        await Assertions.Expect(midwife.GetByLabel("Your sign-in email")).ToHaveValueAsync(midwifeEmail);
        await Journey.AssertAccessibleAsync(midwife);
        await midwife.GetByLabel("Choose a password").FillAsync(midwifePassword);
        await midwife.GetByLabel("Password again").FillAsync(midwifePassword);
        await midwife.GetByRole(AriaRole.Button, new() { Name = "Save my password" }).ClickAsync();
        await Assertions.Expect(midwife.GetByRole(AriaRole.Heading, new() { Name = "Your staff account is ready" })).ToBeVisibleAsync();

        // She signs in as a midwife with the password she chose.
        await Journey.SignInAsync(midwife, midwifeEmail, midwifePassword);
        await midwife.WaitForInteractiveAsync();
        await Assertions.Expect(midwife.GetByText("You are signed in as Midwife")).ToBeVisibleAsync();

        // The link works once.
        var again = await _host.NewPageAsync();
        await again.GotoAsync(link.ToString());
        await Assertions.Expect(again.GetByText("This link has expired or was already used. Ask your admin for a new invitation.")).ToBeVisibleAsync();
        await Assertions.Expect(again.GetByLabel("Choose a password")).ToHaveCountAsync(0);
        Assert.Empty(_host.ConsoleErrors);
    }
}
