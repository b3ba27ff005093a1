using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace LegCrampCare.EndToEnd.Tests;

/// <summary>Steps a person takes, written once and shared by the browser tests.</summary>
public static class Journey
{
    public const string Password = "quiet night leg stretch";

    public static async Task RegisterPatientAsync(IPage page, string email, string name, DateOnly dueDate)
    {
        await page.GotoAsync("/Account/Register");
        await page.GetByLabel("Email", new() { Exact = true }).FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(Password);
        await page.GetByLabel("Password again").FillAsync(Password);
        await page.GetByLabel("I agree that LegCrampCare may store").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();

        await page.WaitForURLAsync("**/onboarding");
        await page.WaitForInteractiveAsync();
        await page.GetByLabel("Your name, as you'd like your midwife to see it").FillAsync(name);
        await page.GetByLabel("Your date of birth").FillAsync("1992-04-10");
        await page.GetByLabel("Your due date").FillAsync(dueDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await Assertions.Expect(page.GetByLabel("Your time zone")).ToHaveValueAsync("Europe/London");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and continue" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Log a cramp" }).WaitForAsync();
    }

    /// <summary>
    /// Signs in on the sign-in page and waits until the browser has left it. It waits for the next page's
    /// navigation to commit, not for its load event: the page after sign-in may redirect again (a staff member's
    /// start page, two-step set-up), and the caller waits for what it needs on the page it lands on.
    /// </summary>
    public static async Task SignInAsync(IPage page, string email, string password = Password)
    {
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Email", new() { Exact = true }).FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        try
        {
            await page.WaitForURLAsync(url => new Uri(url).AbsolutePath != "/Account/Login", new() { WaitUntil = WaitUntilState.Commit });
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"{ex.Message}\nStill on {page.Url} showing:\n{await page.Locator("body").InnerTextAsync(new() { Timeout = 2_000 })}", ex);
        }
    }

    public static async Task AnswerAsync(IPage page, string questionId, string answer)
    {
        try
        {
            await page.Locator($"fieldset[data-question='{questionId}']").GetByRole(AriaRole.Button, new() { Name = answer, Exact = true }).ClickAsync();
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"{ex.Message}\nThe page was {page.Url} showing:\n{await page.Locator("body").InnerTextAsync(new() { Timeout = 2_000 })}", ex);
        }
    }

    /// <summary>No serious or critical accessibility violations on the page as it is now.</summary>
    public static async Task AssertAccessibleAsync(IPage page)
    {
        AxeResult result = await page.RunAxe();
        var serious = result.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}")
            .ToList();
        Assert.True(serious.Count == 0, $"Accessibility violations on {page.Url}:\n" + string.Join("\n", serious));
    }
}
