using System.Text.RegularExpressions;
using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;
using LegCrampCare.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace LegCrampCare.EndToEnd.Tests;

/// <summary>
/// The editorial workflow in Chromium: an editor changes a seeded article and sends it for approval, a clinical
/// approver (a second person) approves it, and a reader without an account sees the new text with its review dates
/// and the approver's name. The staff accounts are made directly (an admin's job, tested elsewhere).
/// </summary>
public sealed class GuidanceEditingTests : IClassFixture<BrowserHost>
{
    private readonly BrowserHost _host;

    public GuidanceEditingTests(BrowserHost host) => _host = host;

    private async Task<string> StaffAsync(string role, string? staffName = null)
    {
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@example.org";
        await using var scope = _host.App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, StaffName = staffName };
        Assert.True((await users.CreateAsync(user, Journey.Password)).Succeeded);
        await users.AddToRoleAsync(user, role);
        return email;
    }

    private async Task<IPage> SignInAsync(string email)
    {
        var page = await _host.NewPageAsync();
        await page.SetViewportSizeAsync(1280, 900);
        await Journey.SignInAsync(page, email);
        return page;
    }

    [BrowserFact]
    public async Task EditorDrafts_SecondPersonApproves_ReaderSeesTheNewTextWithReviewDatesAndApprover()
    {
        var editor = await SignInAsync(await StaffAsync(Roles.Editor));

        // The editor finds the article in the list and changes it.
        await editor.GotoInteractiveAsync("/editor/guidance");
        await editor.GetByRole(AriaRole.Link, new() { Name = "Footwear", Exact = true }).ClickAsync();
        var body = editor.GetByLabel("Text (Markdown", new() { Exact = false });
        await Assertions.Expect(body).Not.ToBeEmptyAsync();
        var sentence = $"Check your shoes each evening ({Guid.NewGuid():N}).";
        await body.FillAsync((await body.InputValueAsync()) + "\n\n" + sentence);
        await Assertions.Expect(editor.Locator("[data-testid=preview]")).ToContainTextAsync(sentence); // the live preview
        await editor.GetByLabel("What you changed and why").FillAsync("Added an evening check.");
        await editor.GetByRole(AriaRole.Button, new() { Name = "Save and send for approval" }).ClickAsync();
        await Assertions.Expect(editor.GetByRole(AriaRole.Status)).ToContainTextAsync("Sent for approval.");
        await Journey.AssertAccessibleAsync(editor);

        // Not published yet: readers still see the shipped text.
        var reader = await _host.NewPageAsync();
        await reader.GotoAsync("/guidance/footwear");
        await Assertions.Expect(reader.Locator("article")).Not.ToContainTextAsync(sentence);

        // A clinical approver, who wrote none of it, approves it.
        var approver = await SignInAsync(await StaffAsync(Roles.ClinicalApprover, "Dr Jo Bloggs, consultant obstetrician"));
        await approver.GotoInteractiveAsync("/editor/guidance");
        var firstRow = approver.Locator("[data-testid=articles] tbody tr").First;
        await Assertions.Expect(firstRow).ToContainTextAsync("Awaiting approval"); // awaiting comes first (nothing is overdue)
        await approver.GetByRole(AriaRole.Link, new() { Name = "Footwear", Exact = true }).ClickAsync();
        await approver.GetByRole(AriaRole.Link, new() { Name = "See what changed since version 1" }).ClickAsync();
        await Assertions.Expect(approver.Locator("[data-testid=body-diff] ins", new() { HasText = sentence })).ToHaveCountAsync(1);
        await approver.GoBackAsync();
        await approver.WaitForInteractiveAsync();
        await approver.GetByRole(AriaRole.Button, new() { Name = "Approve and publish" }).ClickAsync();
        await Assertions.Expect(approver.GetByRole(AriaRole.Status)).ToContainTextAsync("Approved and published.");

        // The reader sees the new text, when it was reviewed, when the next review is due, and who approved it.
        await reader.GotoAsync("/guidance/footwear");
        var article = reader.Locator("article");
        await Assertions.Expect(article).ToContainTextAsync(sentence);
        var today = DateTime.UtcNow;
        await Assertions.Expect(article).ToContainTextAsync(new Regex($@"Last reviewed\s*{today:d MMMM yyyy}"));
        await Assertions.Expect(article).ToContainTextAsync(new Regex($@"Next review due\s*{DateOnly.FromDateTime(today).AddMonths(12):d MMMM yyyy}"));
        await Assertions.Expect(article).ToContainTextAsync("Dr Jo Bloggs, consultant obstetrician, Clinical approver");
        await Assertions.Expect(article).Not.ToContainTextAsync("Awaiting approval");
    }

    [BrowserFact]
    public async Task Patient_OpeningTheEditor_SeesNotFound()
    {
        var page = await _host.NewPageAsync();
        await Journey.RegisterPatientAsync(page, $"p-{Guid.NewGuid():N}@example.org", "Pat", DateOnly.FromDateTime(DateTime.UtcNow).AddDays(60));

        await page.GotoInteractiveAsync("/editor/guidance");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Not found");
        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync("Footwear");
    }
}
