using Bunit;
using LegCrampCare.Core.Features.Review;
using LegCrampCare.Core.Features.Sharing;
using LegCrampCare.Web.Components.Pages.Midwife;
using LegCrampCare.Web.Tests.Components.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace LegCrampCare.Web.Tests.Components.Sharing;

public sealed class PatientLogPageTests : ComponentTestBase
{
    private static readonly Guid GrantId = Guid.NewGuid();
    private readonly FakePatientLogService _logs = new() { Log = FakePatientLogService.Sample(GrantId) };
    private readonly SharingOptions _options = new() { RecheckInterval = TimeSpan.FromSeconds(5) };

    protected override void AddServices(IServiceCollection services)
    {
        services.AddSingleton<IPatientLogService>(_logs);
        services.AddSingleton(_options);
    }

    private IRenderedComponent<PatientLogPage> Open() => Render<PatientLogPage>(p => p.Add(c => c.GrantId, GrantId));

    [Fact]
    public void Open_ShowsHerDetailsFlagFirstWithReasonsAndContext_LoadsOnce()
    {
        var cut = Open();

        Assert.Equal("Sam Sample", cut.Find("h1").TextContent);
        var flag = cut.Find("[data-testid=flag]");
        Assert.Contains("Urgent: call now", flag.TextContent, StringComparison.Ordinal);
        Assert.Contains("UR-2: Reason for UR-2", flag.TextContent, StringComparison.Ordinal);
        Assert.Contains("LEFt score 2", flag.TextContent, StringComparison.Ordinal);
        Assert.Contains("RCOG risk points 3", flag.TextContent, StringComparison.Ordinal);
        Assert.Contains("Advice she was shown: When to get help (version 1)", flag.TextContent, StringComparison.Ordinal);
        Assert.Equal(2, cut.FindAll("[data-testid=episode]").Count);
        Assert.Equal(1, _logs.GetCalls);
    }

    [Fact]
    public void Open_ResultThatIsOnlyUnansweredQuestions_IsNotAWarningSignToReview()
    {
        // The urgent flag becomes a quick-logged result with the questions not answered yet (FS-1 alone): the caseload
        // doesn't count it and it can't be marked as reviewed, so it isn't offered; it stays in the list of cramps.
        _logs.Log = _logs.Log! with
        {
            Episodes = _logs.Log.Episodes.Select((e, i) => i == 0
                ? e with { Assessments = [e.Assessments[0] with { Level = Rules.TriageLevel.Routine, Result = "Questions to answer", RuleIds = ["FS-1"], IsIncomplete = true }] }
                : e).ToList(),
        };

        var cut = Open();

        Assert.Empty(cut.FindAll("[data-testid=flag]"));
        Assert.Equal("Nothing to review.", cut.Find("[data-testid=no-flags]").TextContent);
        Assert.Contains("Questions to answer", cut.FindAll("[data-testid=episode]")[0].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Acknowledge_WithoutANote_SaysWhy_WithANote_MovesItOutOfToReview()
    {
        var cut = Open();
        var flagId = _logs.Log!.Episodes[0].Assessments[0].Id;

        cut.FindButton("Mark as reviewed").Click();
        Assert.Equal("Note: write a short note for her (she sees it).", cut.Find($"[id='note-{flagId}-error']").TextContent);

        cut.FindByLabel("Your note to her (she sees it; up to 1,000 characters)").Change("Seen in clinic, no clot. Keep stretching.");
        cut.FindButton("Mark as reviewed").Click();

        Assert.Equal([(flagId, "Seen in clinic, no clot. Keep stretching.")], _logs.Acknowledged);
        Assert.Equal("Nothing to review.", cut.Find("[data-testid=no-flags]").TextContent);
        Assert.Contains("Reviewed by Midwife One", cut.Find("[data-testid=episode]").TextContent, StringComparison.Ordinal);
        // The log is reloaded for the same page visit, so its view is not audited a second time.
        Assert.Equal(2, _logs.Visits.Count);
        Assert.Single(_logs.Visits.Distinct());
    }

    [Fact]
    public void Revoked_WhileThePageIsOpen_TheTimerHidesEverythingOfHers()
    {
        var cut = Open();
        _logs.Allowed = false;

        Time.Advance(TimeSpan.FromSeconds(5));

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=lost-access]")));
        Assert.DoesNotContain("Sam Sample", cut.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("UR-2", cut.Markup, StringComparison.Ordinal);
        Assert.True(_logs.RecheckCalls >= 1);
    }

    [Fact]
    public void Recheck_ThatFails_HidesEverythingOfHersRatherThanRiskIt()
    {
        var cut = Open();
        _logs.RecheckThrows = true;

        Time.Advance(TimeSpan.FromSeconds(5));

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=lost-access]")));
        Assert.DoesNotContain("Sam Sample", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Revoked_ThenAnAction_HidesEverythingOfHers()
    {
        var cut = Open();
        _logs.Allowed = false;

        cut.FindButton("Download summary (PDF)").Click();

        Assert.NotNull(cut.Find("[data-testid=lost-access]"));
        Assert.DoesNotContain("Sam Sample", cut.Markup, StringComparison.Ordinal);
        Assert.Equal(0, _logs.Exports);
    }

    [Fact]
    public void Open_WithoutAccess_IsNotFound()
    {
        _logs.Allowed = false;

        var cut = Open();

        Assert.Equal("Not found", cut.Find("h1").TextContent);
    }

    [Fact]
    public void Measure_SavesTheMidwifesValueAndShowsIt()
    {
        var cut = Open();
        var episode = _logs.Log!.Episodes[1];

        cut.Find($"[id='calf-{episode.Id}']").Change("2.5");
        cut.FindAll("[data-testid=episode]")[1].ButtonIn("Save measurement").Click();

        Assert.Equal([(episode.Id, 2.5m)], _logs.Measured);
        Assert.Contains("2.5 cm (measured by a midwife)", cut.FindAll("[data-testid=episode]")[1].TextContent, StringComparison.Ordinal);
        Assert.Contains("If it now needs checking, her home page says so for the next 7 days. She is not sent a message", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Measure_Emptied_SaysTheMeasurementWasRemoved()
    {
        var cut = Open();
        var episode = _logs.Log!.Episodes[1];

        cut.FindAll("[data-testid=episode]")[1].ButtonIn("Save measurement").Click();

        Assert.Equal([(episode.Id, (decimal?)null)], _logs.Measured);
        Assert.Contains("Measurement removed, and the cramp was checked again without it.", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Charts_EachHasItsNumbersAsATable()
    {
        var cut = Open();

        var figures = cut.FindAll("figure.lcc-chart");
        Assert.Equal(["Nights with cramps, by week", "Time of night", "Which leg", "Average pain (0–10), by week"], figures.Select(f => f.QuerySelector("figcaption")!.TextContent));
        var sides = figures[2].QuerySelectorAll("tbody tr").Select(r => r.TextContent).ToList();
        Assert.Equal(["Left1", "Right1", "Both0"], sides);
    }
}
