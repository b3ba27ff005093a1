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
        await page.GetByRole(AriaRole.Link, new() { Name = "Log a cramp" }).WaitForAsync();
    }

    /// <summary>From the home page, "Log a cramp" opens the quick log (/log): one tap.</summary>
    public static async Task OpenQuickLogAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "Log a cramp" }).ClickAsync();
        // The address first, then the quick log's own first screen (not the whole page's load event, which on a busy CI
        // machine can trail far behind what she sees).
        await page.WaitForURLAsync("**/log", new() { WaitUntil = WaitUntilState.Commit });
        await page.GetByRole(AriaRole.Group, new() { Name = "Which leg?" }).WaitForAsync(new() { Timeout = 30_000 });
    }

    /// <summary>
    /// Home → "Log a cramp" → the leg: two taps, and the cramp is saved. Waits until the server has it (the quick log's
    /// line reads "Saved." once nothing is waiting on the phone).
    /// </summary>
    public static async Task LogACrampAsync(IPage page, string side)
    {
        await page.GotoInteractiveAsync("/");
        await OpenQuickLogAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = side, Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Saved.", new() { Timeout = 15_000 });
    }

    /// <summary>
    /// Logs a cramp on the quick log, then opens the live questions page for it (as from tonight's list on the home page),
    /// where every question is on one screen.
    /// </summary>
    public static async Task LogACrampAndOpenItsQuestionsPageAsync(IPage page, string side)
    {
        await LogACrampAsync(page, side);
        await page.GotoInteractiveAsync("/");
        var href = await page.GetByTestId("tonight").GetByRole(AriaRole.Link).Last.GetAttributeAsync("href");
        await page.GotoInteractiveAsync(href + "/questions");
        await page.GetByRole(AriaRole.Heading, new() { Name = "A few quick questions" }).WaitForAsync();
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
            // A question of the live questions page (a fieldset) or the quick log's question on screen (a group).
            await page.Locator($"[data-question='{questionId}']").GetByRole(AriaRole.Button, new() { Name = answer, Exact = true }).ClickAsync();
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
