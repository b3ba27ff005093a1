using LegCrampCare.Core.Domain;
using LegCrampCare.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace LegCrampCare.EndToEnd.Tests;

public sealed class ZzWalkthrough : IClassFixture<BrowserHost>
{
    private readonly BrowserHost _host;
    public ZzWalkthrough(BrowserHost host) => _host = host;

    [BrowserFact]
    public async Task Shots()
    {
        var dir = "/tmp/shots2";
        Directory.CreateDirectory(dir);
        var patient = await _host.NewPageAsync();
        await Journey.RegisterPatientAsync(patient, $"pat-{Guid.NewGuid():N}@example.org", "Priya Patel", DateOnly.FromDateTime(DateTime.UtcNow).AddDays(50));
        for (var i = 0; i < 2; i++)
        {
            await patient.GotoInteractiveAsync("/");
            await patient.GetByRole(AriaRole.Button, new() { Name = "Log a cramp" }).ClickAsync();
            await patient.GetByRole(AriaRole.Button, new() { Name = i == 0 ? "Left" : "Right", Exact = true }).ClickAsync();
            await patient.GetByRole(AriaRole.Link, new() { Name = "Answer now" }).ClickAsync();
            await patient.WaitForURLAsync("**/questions");
            foreach (var id in new[] { "sudden-breathless", "chest-pain", "coughing-blood", "fainted", "calf-red", "calf-warm", "usual-breathless" })
            {
                await Journey.AnswerAsync(patient, id, "No");
            }

            await Journey.AnswerAsync(patient, "one-leg-swollen", i == 0 ? "Yes" : "No");
            await Journey.AnswerAsync(patient, "eased-by-stretching", "Yes");
            await Journey.AnswerAsync(patient, "pain-still-there", "No");
            await patient.GetByRole(AriaRole.Button, new() { Name = "Save answers" }).ClickAsync();
            await patient.Locator("section.lcc-result").First.WaitForAsync();
        }

        await patient.GotoInteractiveAsync("/sharing");
        await patient.GetByRole(AriaRole.Button, new() { Name = "Get a share code" }).ClickAsync();
        var code = (await patient.Locator(".lcc-share-code span[aria-hidden=true]").InnerTextAsync()).Trim();
        await patient.ScreenshotAsync(new() { Path = $"{dir}/sharing-412.png", FullPage = true });

        var email = $"mw-{Guid.NewGuid():N}@nhs.example";
        await using (var scope = _host.App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, StaffName = "Morgan Lee, community midwife" };
            Assert.True((await users.CreateAsync(user, Journey.Password)).Succeeded);
            await users.AddToRoleAsync(user, Roles.Midwife);
        }

        var mw = await _host.NewPageAsync();
        await mw.SetViewportSizeAsync(1280, 900);
        await mw.GotoAsync("/Account/Login");
        await mw.GetByLabel("Email", new() { Exact = true }).FillAsync(email);
        await mw.GetByLabel("Password", new() { Exact = true }).FillAsync(Journey.Password);
        await mw.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await mw.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.Ordinal));
        await mw.GotoInteractiveAsync("/caseload");
        await mw.GetByLabel("Share code from your patient").FillAsync(code);
        await mw.GetByRole(AriaRole.Button, new() { Name = "Add patient" }).ClickAsync();
        await mw.GetByRole(AriaRole.Status).WaitForAsync();
        await mw.ScreenshotAsync(new() { Path = $"{dir}/caseload-1280.png", FullPage = true });
        await mw.GetByRole(AriaRole.Link, new() { Name = "Priya Patel" }).ClickAsync();
        await mw.Locator("[data-testid=flag]").First.WaitForAsync();
        await Task.Delay(1000);
        await mw.ScreenshotAsync(new() { Path = $"{dir}/log-1280.png", FullPage = true });
        await mw.SetViewportSizeAsync(640, 900);
        await mw.ScreenshotAsync(new() { Path = $"{dir}/log-640.png", FullPage = true });
        var widths = await mw.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        File.WriteAllText($"{dir}/widths.txt", string.Join(",", widths));
        await Journey.AssertAccessibleAsync(mw);
    }
}
