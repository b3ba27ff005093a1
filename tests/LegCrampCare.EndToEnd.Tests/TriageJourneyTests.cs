using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace LegCrampCare.EndToEnd.Tests;

/// <summary>
/// The rule engine's result as she sees it after answering the quick questions, in Chromium at phone size: a swollen
/// leg says "Call maternity triage now" (with her own unit's number to tap when she gave one), a typical cramp gets the
/// self-care card and is in her history with its result, and pain that is still there 6 hours later, not getting better,
/// is asked about on Home (which leg still hurts) and turns into "Call maternity triage now", at the clock time the
/// night's card gave.
/// </summary>
public sealed partial class TriageJourneyTests : IClassFixture<TriageJourneyTests.Host>
{
    private static readonly string[] RedFlags = ["sudden-breathless", "chest-pain", "coughing-blood", "fainted", "one-leg-swollen", "calf-red", "calf-warm"];

    private readonly Host _host;

    public TriageJourneyTests(Host host) => _host = host;

    /// <summary>The real app with a clock a test can move forward (the pain follow-up is asked an hour or more later).</summary>
    public sealed class Host : BrowserHost
    {
        public AdjustableTimeProvider Clock { get; } = new();

        protected override TimeProvider Time => Clock;
    }

    /// <summary>The system clock plus an offset that only grows. Tests in a class run one after another.</summary>
    public sealed class AdjustableTimeProvider : TimeProvider
    {
        private long _offsetTicks;

        public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);

        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));
    }

    [BrowserFact]
    public async Task OneLegSwollen_SaysCallMaternityTriageNow_WithHerUnitsNumberToTap()
    {
        var page = await NewPatientAsync("swollen");
        await page.GotoInteractiveAsync("/profile");
        await page.GetByLabel("Maternity triage phone number (optional)").FillAsync("01234 567890");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByText("Saved.")).ToBeVisibleAsync();
        await page.GotoInteractiveAsync("/");
        await LogARightLegCrampAndOpenTheQuestionsAsync(page);

        await AnswerAsync(page, ("one-leg-swollen", "Yes"), ("eased-by-stretching", "No"), ("pain-still-there", "No"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Save answers" }).ClickAsync();

        var result = page.Locator("section.lcc-result-urgent[role=alert]");
        await Assertions.Expect(result.GetByRole(AriaRole.Heading, new() { Name = "Call maternity triage now", Level = 2 })).ToBeVisibleAsync();
        await Assertions.Expect(result.GetByRole(AriaRole.Link, new() { Name = "Call maternity triage: 01234 567890" }))
            .ToHaveAttributeAsync("href", "tel:+441234567890");
        await Assertions.Expect(result).ToContainTextAsync("Call maternity triage now on 01234 567890, or your GP or NHS 111 if you can't reach them.");
        await Assertions.Expect(result).ToContainTextAsync("One leg is swollen.");
        await Assertions.Expect(result).ToContainTextAsync("do not rub, massage or heat that leg");
        await Journey.AssertAccessibleAsync(page);
    }

    [BrowserFact]
    public async Task TypicalCramp_SelfCareCard_ThenInHistoryWithItsResult()
    {
        var page = await NewPatientAsync("typical");
        await LogARightLegCrampAndOpenTheQuestionsAsync(page);

        await AnswerAsync(page, ("eased-by-stretching", "Yes"), ("pain-still-there", "No"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Save answers" }).ClickAsync();

        var result = page.Locator("section.lcc-result-none");
        await Assertions.Expect(result.GetByRole(AriaRole.Heading, new() { NameRegex = OrdinaryResult(), Level = 2 })).ToBeVisibleAsync();
        await Assertions.Expect(result.GetByRole(AriaRole.Heading, new() { Name = "What helps right now" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("section.lcc-result[role=alert]")).ToHaveCountAsync(0);
        await Journey.AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "History" }).ClickAsync();
        var item = page.GetByRole(AriaRole.Listitem).Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("right leg") }) });
        await Assertions.Expect(item).ToHaveCountAsync(1);
        await Assertions.Expect(item.GetByTestId("result")).ToHaveTextAsync(new Regex("^(No warning signs|Ordinary cramp)$"));
        await Assertions.Expect(item.GetByRole(AriaRole.Link, new() { Name = "questions to answer" })).ToHaveCountAsync(0);
    }

    [BrowserFact]
    public async Task PainStillThere_AClockTimeAtNight_ThenNotBetter6HoursLater_AskedOnHome_CallMaternityTriageNow()
    {
        var page = await NewPatientAsync("pain");
        await LogARightLegCrampAndOpenTheQuestionsAsync(page);
        await AnswerAsync(page, ("over-10-minutes", "No"), ("eased-by-stretching", "Yes"), ("pain-still-there", "Yes"));
        // Pain still there: which leg, and the four questions that tell an ache from a warning sign.
        await Journey.AnswerAsync(page, "pain-side", "Right");
        foreach (var id in new[] { "pain-improving", "heavy-ache", "pain-walking", "pain-toes-up", "tenderness" })
        {
            await Journey.AnswerAsync(page, id, "No");
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Save answers" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Your answers are saved.")).ToBeVisibleAsync();
        // W5: a clock time to act at, not "next time you open the app".
        var clock = page.GetByTestId("pain-clock");
        await Assertions.Expect(clock).ToContainTextAsync(new Regex(@"^If the pain is still there at \d\d:\d\d (today|tomorrow) \(6 hours after it started\) and is not getting better, call maternity triage then\. Set a reminder: the app will not remind you\.$"));
        await Journey.AssertAccessibleAsync(page);

        // Six and a half hours later it is still there, not getting better.
        _host.Clock.Advance(TimeSpan.FromHours(6.5));
        await page.GotoInteractiveAsync("/");
        var followUp = page.Locator("section.lcc-followup");
        await Assertions.Expect(followUp.GetByRole(AriaRole.Heading, new() { Name = "Is the pain in your right leg still there?" })).ToBeVisibleAsync();
        await followUp.GetByRole(AriaRole.Button, new() { Name = "Still there, not getting better" }).ClickAsync();

        // Saved at once; she said at night which leg still hurts, so she is not asked again.
        var result = followUp.Locator("section.lcc-result-urgent[role=alert]");
        await Assertions.Expect(result.GetByRole(AriaRole.Heading, new() { Name = "Call maternity triage now" })).ToBeVisibleAsync();
        await Assertions.Expect(followUp.Locator("fieldset[data-question='pain-side']")).ToHaveCountAsync(0);
        await Assertions.Expect(result.GetByRole(AriaRole.Heading, new() { Name = "Call maternity triage now" })).ToBeVisibleAsync();
        await Assertions.Expect(result.Locator("li[data-rule='UR-6']")).ToBeVisibleAsync();
        await Assertions.Expect(result.GetByRole(AriaRole.Link, new() { Name = "Call NHS 111" })).ToHaveAttributeAsync("href", "tel:111");
        await Journey.AssertAccessibleAsync(page);
    }

    [BrowserFact]
    public async Task LaterAskMeInTheMorning_ThreeLines_ThenInTheMorningOnlyAnswerTheQuestions()
    {
        var page = await NewPatientAsync("later");
        await Journey.OpenQuickLogAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Left", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Later – ask me in the morning" }).ClickAsync();

        var notice = page.GetByTestId("later-notice");
        await Assertions.Expect(notice.Locator("p")).ToHaveTextAsync(
        [
            "Saved. Open the app in the morning to answer the questions.",
            "Call 999 now if you are suddenly breathless, have chest pain, cough up blood or faint.",
            "Sleep well.",
        ]);
        await Journey.AssertAccessibleAsync(page);

        // 08:00 the next morning in London: the warning-sign questions are missing, so the one action is to answer them.
        var london = LegCrampCare.Core.Domain.PregnancyCalendar.FindZoneOrUtc("Europe/London");
        var now = _host.Clock.GetUtcNow().UtcDateTime;
        var night = LegCrampCare.Core.Domain.PregnancyCalendar.NightOf(now, london);
        var morning = LegCrampCare.Core.Domain.PregnancyCalendar.LocalToUtc(night.AddDays(1).ToDateTime(new TimeOnly(8, 0)), london);
        _host.Clock.Advance(morning - now);
        await page.GotoInteractiveAsync("/");
        var review = page.GetByTestId("morning-review");
        await Assertions.Expect(review.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Answer the questions: Left leg at") })).ToBeVisibleAsync();
        await Assertions.Expect(review.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("is right as it is$") })).ToHaveCountAsync(0);
        await Journey.AssertAccessibleAsync(page);
    }

    private async Task<IPage> NewPatientAsync(string name)
    {
        var page = await _host.NewPageAsync();
        var today = DateOnly.FromDateTime(_host.Clock.GetUtcNow().UtcDateTime);
        await Journey.RegisterPatientAsync(page, $"triage-{name}-{Guid.NewGuid():N}@example.org", "Triage " + name, today.AddDays(40));
        return page;
    }

    /// <summary>A right-leg cramp logged on the quick log, then its live questions page (every question on one screen).</summary>
    private static Task LogARightLegCrampAndOpenTheQuestionsAsync(IPage page) =>
        Journey.LogACrampAndOpenItsQuestionsPageAsync(page, "Right");

    /// <summary>The answers given, and "No" to every other red flag and to the usual breathlessness.</summary>
    private static async Task AnswerAsync(IPage page, params (string Id, string Answer)[] answers)
    {
        foreach (var id in RedFlags.Append("usual-breathless").Where(id => answers.All(a => a.Id != id)))
        {
            await Journey.AnswerAsync(page, id, "No");
        }

        foreach (var (id, answer) in answers)
        {
            await Journey.AnswerAsync(page, id, answer);
        }
    }

    [GeneratedRegex("^(Nothing you told us is a warning sign|This sounds like an ordinary cramp)$")]
    private static partial Regex OrdinaryResult();
}
