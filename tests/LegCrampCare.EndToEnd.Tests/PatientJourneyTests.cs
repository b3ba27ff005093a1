using System.Globalization;
using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;
using Microsoft.Playwright;

namespace LegCrampCare.EndToEnd.Tests;

/// <summary>
/// A new patient, end to end in Chromium: register → onboarding → quick log in three taps → answer the questions →
/// the episode is in history under the right night → edit → reload → still there; another patient can't open it;
/// and none of what she typed reaches the logs.
/// </summary>
public sealed class PatientJourneyTests : IClassFixture<BrowserHost>
{
    private readonly BrowserHost _host;

    public PatientJourneyTests(BrowserHost host) => _host = host;

    [BrowserFact]
    public async Task NewPatient_LogsEditsAndSeesHerCramp_AnotherPatientCannotOpenIt()
    {
        const string canaryName = "Canaryname Quillfeather";
        const string canaryNote = "CANARY-NOTE-7f3a9 woke with calf cramp";
        var canaryEmail = $"canary-{Guid.NewGuid():N}@example.org";
        var zone = PregnancyCalendar.FindZoneOrUtc("Europe/London");
        var today = PregnancyCalendar.LocalDate(DateTime.UtcNow, zone);
        var page = await _host.NewPageAsync();

        await Journey.RegisterPatientAsync(page, canaryEmail, canaryName, today.AddDays(60));
        await Journey.AssertAccessibleAsync(page);

        // Three taps or fewer from opening the app to a saved episode: "Log a cramp" opens the quick log, the leg saves.
        await page.GotoInteractiveAsync("/");
        await Journey.OpenQuickLogAsync(page);                                                        // tap 1
        await page.GetByRole(AriaRole.Button, new() { Name = "Left", Exact = true }).ClickAsync(); // tap 2
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^Saved"));
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Undo" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Saved.");   // and the server has it
        var savedAtUtc = DateTime.UtcNow;
        await Journey.AssertAccessibleAsync(page);

        // A reload never makes a second episode, and home shows what she logged tonight.
        await page.ReloadAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "Which leg?" }).WaitForAsync();
        await page.GotoInteractiveAsync("/");
        await Assertions.Expect(page.GetByTestId("tonight").GetByRole(AriaRole.Listitem)).ToHaveCountAsync(1);
        var episodePath = await page.GetByTestId("tonight").GetByRole(AriaRole.Link).GetAttributeAsync("href");
        await page.GotoInteractiveAsync(episodePath + "/questions");

        await page.GetByRole(AriaRole.Heading, new() { Name = "A few quick questions" }).WaitForAsync();
        await Journey.AssertAccessibleAsync(page);
        foreach (var id in new[] { "sudden-breathless", "chest-pain", "coughing-blood", "fainted", "one-leg-swollen", "calf-red", "calf-warm", "usual-breathless", "pain-still-there" })
        {
            await Journey.AnswerAsync(page, id, "No");
        }

        await Journey.AnswerAsync(page, "eased-by-stretching", "Yes");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save answers" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Your answers are saved.")).ToBeVisibleAsync();

        // History: under the right night (12:00–11:59 local, named by the evening's date).
        await page.GetByRole(AriaRole.Link, new() { Name = "History" }).ClickAsync();
        var night = PregnancyCalendar.NightOf(savedAtUtc, zone);
        var heading = $"Night of {night.ToString("dddd d MMMM yyyy", CultureInfo.InvariantCulture)}";
        var nightSection = page.GetByRole(AriaRole.Region, new() { Name = heading });
        await Assertions.Expect(nightSection).ToBeVisibleAsync();
        await Assertions.Expect(nightSection.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("left leg") })).ToHaveCountAsync(1);
        await Journey.AssertAccessibleAsync(page);

        // Edit it, then reload: the change is still there.
        await nightSection.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("left leg") }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Cramp details" }).WaitForAsync();
        var episodeUrl = page.Url;
        await page.GetByLabel("How long it lasted (minutes)").FillAsync("4");
        await page.GetByLabel("Notes (optional)").FillAsync(canaryNote);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByText("Saved.", new() { Exact = true })).ToBeVisibleAsync();
        await Journey.AssertAccessibleAsync(page);

        await page.ReloadAsync();
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.GetByLabel("How long it lasted (minutes)")).ToHaveValueAsync("4");
        await Assertions.Expect(page.GetByLabel("Notes (optional)")).ToHaveValueAsync(canaryNote);

        // Bad input: a message that names the field, and nothing stored changes.
        await page.GetByLabel("How long it lasted (minutes)").FillAsync("800");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByText("How long it lasted must be between 0 and 720 minutes")).ToBeVisibleAsync();
        var stored = await page.EvaluateAsync<int>(
            "async path => (await (await fetch('/api/v1/episodes/' + path.split('/').pop(), { headers: { Accept: 'application/json' } })).json()).durationMinutes",
            new Uri(episodeUrl).AbsolutePath);
        Assert.Equal(4, stored);

        // What she typed and could not save is kept on the phone: a reload gives it back, marked as not saved.
        await page.ReloadAsync();
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.GetByTestId("draft-restored")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("How long it lasted (minutes)")).ToHaveValueAsync("800");

        // Her details page is accessible too.
        await page.GotoInteractiveAsync("/profile");
        await page.GetByRole(AriaRole.Heading, new() { Name = "My pregnancy" }).WaitForAsync();
        await Journey.AssertAccessibleAsync(page);

        // A second patient cannot open the first one's episode by its URL.
        var other = await _host.NewPageAsync();
        await Journey.RegisterPatientAsync(other, $"other-{Guid.NewGuid():N}@example.org", "Other Patient", today.AddDays(90));
        await other.GotoInteractiveAsync(new Uri(episodeUrl).PathAndQuery);
        await Assertions.Expect(other.GetByRole(AriaRole.Heading, new() { Name = "Not found" })).ToBeVisibleAsync();
        await Assertions.Expect(other.GetByText(canaryNote)).ToHaveCountAsync(0);

        // The pages ran with the strict Content-Security-Policy and no script errors.
        Assert.True(_host.ConsoleErrors.IsEmpty, "Browser errors:\n" + string.Join("\n", _host.ConsoleErrors));

        // Health data never reaches the logs.
        var logs = _host.App.ReadLogs();
        Assert.False(string.IsNullOrEmpty(logs), "The app wrote no log file.");
        Assert.DoesNotContain(canaryNote, logs, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("CANARY-NOTE", logs, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(canaryName, logs, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(canaryEmail, logs, StringComparison.OrdinalIgnoreCase);
    }

    [BrowserFact]
    public async Task RedFlagYes_ChestPain_ShowsTheEmergencyCallButton()
    {
        var page = await _host.NewPageAsync();
        await Journey.RegisterPatientAsync(page, $"redflag-{Guid.NewGuid():N}@example.org", "Red Flag", DateOnly.FromDateTime(DateTime.UtcNow).AddDays(20));
        await Journey.OpenQuickLogAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Right", Exact = true }).ClickAsync();

        // The questions come one at a time; a warning sign is answered at once.
        await Journey.AnswerAsync(page, "sudden-breathless", "No");
        await Journey.AnswerAsync(page, "chest-pain", "Yes");

        var card = page.GetByTestId("result-card");
        await Assertions.Expect(card.GetByRole(AriaRole.Heading, new() { Name = "Call 999 now" })).ToBeVisibleAsync();
        await Assertions.Expect(card.GetByRole(AriaRole.Link, new() { Name = "Call 999" })).ToHaveAttributeAsync("href", "tel:999");
        await Assertions.Expect(card).ToContainTextAsync("Do not drive yourself.");
        await Journey.AssertAccessibleAsync(page);

        // The live questions page says the same for that cramp.
        await page.GotoInteractiveAsync("/");
        var href = await page.GetByTestId("tonight").GetByRole(AriaRole.Link).GetAttributeAsync("href");
        await page.GotoInteractiveAsync(href!);
        var live = page.Locator("section.lcc-result-emergency");
        await Assertions.Expect(live.GetByRole(AriaRole.Heading, new() { Name = "Call 999 now" })).ToBeVisibleAsync();
        await Assertions.Expect(live.GetByRole(AriaRole.Link, new() { Name = "Call 999" })).ToHaveAttributeAsync("href", "tel:999");
    }
}
