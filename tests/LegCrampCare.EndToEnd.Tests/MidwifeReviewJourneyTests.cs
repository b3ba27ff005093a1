using System.Text.RegularExpressions;
using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;
using LegCrampCare.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace LegCrampCare.EndToEnd.Tests;

/// <summary>
/// Consented sharing end to end in Chromium: the patient makes a share code → the midwife enters it → the patient is on
/// top of her caseload with a flag → she opens the log and acknowledges the flag with a note → the patient sees the
/// review and the access log → the patient stops sharing → the midwife's open page loses everything of hers.
/// </summary>
public sealed partial class MidwifeReviewJourneyTests : IClassFixture<MidwifeReviewJourneyTests.Host>
{
    private readonly Host _host;

    public MidwifeReviewJourneyTests(Host host) => _host = host;

    /// <summary>The app re-checks an open patient page every 2 seconds instead of every 30.</summary>
    public sealed class Host : BrowserHost
    {
        protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?> { ["Sharing:RecheckInterval"] = "00:00:02" };
    }

    [GeneratedRegex("^[A-Z0-9]{4}-[A-Z0-9]{4}$")]
    private static partial Regex CodePattern();

    private async Task<(string Email, string Name)> MidwifeAsync()
    {
        var email = $"midwife-{Guid.NewGuid():N}@nhs.example";
        await using var scope = _host.App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, StaffName = "Midwife Morgan" };
        Assert.True((await users.CreateAsync(user, Journey.Password)).Succeeded);
        await users.AddToRoleAsync(user, Roles.Midwife);
        return (email, "Midwife Morgan");
    }

    private async Task<IPage> SignInAsync(string email)
    {
        var page = await _host.NewPageAsync();
        await page.SetViewportSizeAsync(1280, 900);
        await Journey.SignInAsync(page, email);
        return page;
    }

    [BrowserFact]
    public async Task ShareCode_MidwifeReviewsFlag_PatientSeesIt_ThenRevokes_MidwifeLosesAccess()
    {
        // The patient logs a cramp with one swollen leg: "Call maternity triage now" (URGENT).
        var patient = await _host.NewPageAsync();
        var patientName = $"Pat {Guid.NewGuid().ToString("N")[..6]}";
        await Journey.RegisterPatientAsync(patient, $"pat-{Guid.NewGuid():N}@example.org", patientName, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(50));
        await Journey.LogACrampAndOpenItsQuestionsPageAsync(patient, "Left");
        foreach (var id in new[] { "sudden-breathless", "chest-pain", "coughing-blood", "fainted", "calf-red", "calf-warm", "usual-breathless" })
        {
            await Journey.AnswerAsync(patient, id, "No");
        }

        await Journey.AnswerAsync(patient, "one-leg-swollen", "Yes");
        await Journey.AnswerAsync(patient, "eased-by-stretching", "No");
        await Journey.AnswerAsync(patient, "pain-still-there", "No");
        await patient.GetByRole(AriaRole.Button, new() { Name = "Save answers" }).ClickAsync();
        await Assertions.Expect(patient.GetByRole(AriaRole.Heading, new() { Name = "Call maternity triage now", Level = 2 })).ToBeVisibleAsync();

        // She makes a share code.
        await patient.GetByRole(AriaRole.Link, new() { Name = "Share my log" }).ClickAsync();
        await patient.GetByRole(AriaRole.Button, new() { Name = "Get a share code" }).ClickAsync();
        var codeText = (await patient.Locator(".lcc-share-code span[aria-hidden=true]").InnerTextAsync()).Trim();
        Assert.Matches(CodePattern(), codeText);
        await Journey.AssertAccessibleAsync(patient);

        // The midwife enters it; the patient is on top of her caseload with an urgent flag.
        var (midwifeEmail, midwifeName) = await MidwifeAsync();
        var midwife = await SignInAsync(midwifeEmail);
        await midwife.GotoInteractiveAsync("/caseload");
        await midwife.GetByLabel("Share code from your patient").FillAsync(codeText.ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal));
        await midwife.GetByRole(AriaRole.Button, new() { Name = "Add patient" }).ClickAsync();
        await Assertions.Expect(midwife.GetByRole(AriaRole.Status)).ToContainTextAsync($"You can now see {patientName}'s log.");
        var first = midwife.Locator("[data-testid=caseload] tbody tr").First;
        await Assertions.Expect(first).ToContainTextAsync(patientName);
        await Assertions.Expect(first).ToContainTextAsync("Urgent");
        await Journey.AssertAccessibleAsync(midwife);

        // She opens the log and acknowledges the flag with a note.
        await first.GetByRole(AriaRole.Link, new() { Name = patientName }).ClickAsync();
        await midwife.WaitForInteractiveAsync();
        var flag = midwife.Locator("[data-testid=flag]").First;
        await Assertions.Expect(flag).ToContainTextAsync("UR-");
        await Journey.AssertAccessibleAsync(midwife);
        const string note = "Seen today: no clot. Keep your legs moving and call if it swells again.";
        await flag.GetByLabel("Your note to her (she sees it; up to 1,000 characters)").FillAsync(note);
        await flag.GetByRole(AriaRole.Button, new() { Name = "Mark as reviewed" }).ClickAsync();
        await Assertions.Expect(midwife.GetByTestId("no-flags")).ToBeVisibleAsync();

        // She downloads the one-page summary and the spreadsheet.
        var pdf = await midwife.RunAndWaitForDownloadAsync(() => midwife.GetByRole(AriaRole.Button, new() { Name = "Download summary (PDF)" }).ClickAsync());
        var pdfBytes = await File.ReadAllBytesAsync(await pdf.PathAsync());
        Assert.Equal("%PDF-", System.Text.Encoding.ASCII.GetString(pdfBytes, 0, 5));
        Assert.DoesNotContain(patientName, pdf.SuggestedFilename, StringComparison.Ordinal);
        var csv = await midwife.RunAndWaitForDownloadAsync(() => midwife.GetByRole(AriaRole.Button, new() { Name = "Download all cramps (CSV)" }).ClickAsync());
        var csvText = await File.ReadAllTextAsync(await csv.PathAsync());
        Assert.Contains(note, csvText, StringComparison.Ordinal);

        // The patient sees the review on her cramp and the access log.
        await patient.GetByRole(AriaRole.Link, new() { Name = "History" }).ClickAsync();
        await patient.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("left leg") }).First.ClickAsync();
        await Assertions.Expect(patient.Locator("main")).ToContainTextAsync($"Reviewed by {midwifeName}");
        await Assertions.Expect(patient.Locator("main")).ToContainTextAsync(note);
        await patient.GetByRole(AriaRole.Link, new() { Name = "Share my log" }).ClickAsync();
        var log = patient.GetByTestId("access-log");
        await Assertions.Expect(log).ToContainTextAsync($"{midwifeName} (midwife). Looked at your cramp log.");
        await Assertions.Expect(log).ToContainTextAsync("Reviewed a warning sign and left a note");
        await Assertions.Expect(log).ToContainTextAsync("Downloaded a summary of your log (PDF)");
        await Assertions.Expect(log).ToContainTextAsync("Downloaded your cramps as a spreadsheet (CSV)");

        // She stops sharing; the midwife's open page loses everything of hers within the re-check interval.
        await patient.GetByRole(AriaRole.Button, new() { Name = $"Stop sharing with {midwifeName}" }).ClickAsync();
        await Assertions.Expect(patient.GetByRole(AriaRole.Status)).ToContainTextAsync($"{midwifeName} can no longer see your log.");
        await Assertions.Expect(midwife.GetByTestId("lost-access")).ToBeVisibleAsync(new() { Timeout = 10_000 });
        await Assertions.Expect(midwife.Locator("main")).Not.ToContainTextAsync(patientName);
        await midwife.GotoInteractiveAsync("/caseload");
        await Assertions.Expect(midwife.Locator("main")).Not.ToContainTextAsync(patientName);
    }

    [BrowserFact]
    public async Task MidwifeMeasuresHerCalves_ThePatientsHomePageSaysSoWithTheNewAdvice()
    {
        // An ordinary cramp: every warning sign answered "No".
        var patient = await _host.NewPageAsync();
        var patientName = $"Pat {Guid.NewGuid().ToString("N")[..6]}";
        await Journey.RegisterPatientAsync(patient, $"pat-{Guid.NewGuid():N}@example.org", patientName, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(50));
        await Journey.LogACrampAndOpenItsQuestionsPageAsync(patient, "Right");
        foreach (var id in new[] { "sudden-breathless", "chest-pain", "coughing-blood", "fainted", "one-leg-swollen", "calf-red", "calf-warm", "usual-breathless", "pain-still-there" })
        {
            await Journey.AnswerAsync(patient, id, "No");
        }

        await Journey.AnswerAsync(patient, "eased-by-stretching", "Yes");
        await patient.GetByRole(AriaRole.Button, new() { Name = "Save answers" }).ClickAsync();
        await Assertions.Expect(patient.GetByRole(AriaRole.Heading, new() { Name = "Call maternity triage now", Level = 2 })).ToHaveCountAsync(0);
        await patient.GetByRole(AriaRole.Link, new() { Name = "Share my log" }).ClickAsync();
        await patient.GetByRole(AriaRole.Button, new() { Name = "Get a share code" }).ClickAsync();
        var codeText = (await patient.Locator(".lcc-share-code span[aria-hidden=true]").InnerTextAsync()).Trim();

        // At her appointment the midwife measures 3.5 cm between her calves and records it.
        var (midwifeEmail, _) = await MidwifeAsync();
        var midwife = await SignInAsync(midwifeEmail);
        await midwife.GotoInteractiveAsync("/caseload");
        await midwife.GetByLabel("Share code from your patient").FillAsync(codeText);
        await midwife.GetByRole(AriaRole.Button, new() { Name = "Add patient" }).ClickAsync();
        await midwife.Locator("[data-testid=caseload] tbody tr").First.GetByRole(AriaRole.Link, new() { Name = patientName }).ClickAsync();
        await midwife.WaitForInteractiveAsync();
        await midwife.GetByLabel("Calf difference you measured (cm)").FillAsync("3.5");
        await midwife.GetByRole(AriaRole.Button, new() { Name = "Save measurement" }).ClickAsync();
        await Assertions.Expect(midwife.Locator("main")).ToContainTextAsync("If it now needs checking, her home page says so for the next 7 days.");

        // Her home page tells her, and the cramp says what to do now.
        await patient.GotoInteractiveAsync("/");
        var update = patient.GetByTestId("midwife-update");
        await Assertions.Expect(update).ToContainTextAsync("Your midwife measured your calves");
        // W7: conditional on how she is now.
        await Assertions.Expect(update).ToContainTextAsync("If you are breathless, have chest pain or cough up blood now, call 999.");
        await Assertions.Expect(update).ToContainTextAsync("If you have not been checked since your midwife measured your legs, call maternity triage now.");
        await Journey.AssertAccessibleAsync(patient);
        await update.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^See the advice for the cramp in your right leg") }).ClickAsync();
        await Assertions.Expect(patient.GetByRole(AriaRole.Heading, new() { Name = "Call maternity triage now", Level = 2 })).ToBeVisibleAsync();
        await Assertions.Expect(patient.GetByTestId("midwife-measurement")).ToContainTextAsync("a difference of 3.5 cm");
        await Assertions.Expect(patient.Locator("main")).ToContainTextAsync("Because of what you told us and your midwife's measurement:");
        await Journey.AssertAccessibleAsync(patient);
    }
}
