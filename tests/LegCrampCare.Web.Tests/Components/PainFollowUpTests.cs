using Bunit;
using LegCrampCare.Core.Common;
using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;
using LegCrampCare.Core.Features.Episodes;
using LegCrampCare.Web.Components.Pages.Episodes;
using LegCrampCare.Web.Tests.Components.Fakes;

namespace LegCrampCare.Web.Tests.Components;

public sealed class PainFollowUpTests : ComponentTestBase
{
    private const string Gone = "It has gone";
    private const string Better = "Still there, but getting better";
    private const string NotBetter = "Still there, not getting better";

    /// <summary>
    /// A short right-leg cramp at 22:40 on Thursday that eased with stretching, no warning signs, but she still had pain
    /// afterwards: the episode Home asks about an hour later.
    /// </summary>
    private static EpisodeDto PainLeftAfterCramp() => TestAssessments.Assessed(TestEpisodes.Episode(
        side: Side.Right,
        startedAtLocal: new DateTime(2026, 11, 19, 22, 40, 0),
        durationMinutes: 3,
        answers: TestEpisodes.AllQuickQuestionsNo() with
        {
            EasedByStretching = Answer.Yes, PainStillThere = Answer.Yes, CrampOver10Minutes = Answer.No,
            HeavyAche = Answer.No, PainOnWalkingOrStanding = Answer.No, PainPullingToesUp = Answer.No, Tenderness = Answer.No,
        }));

    /// <summary>"Still there…" (saved at once), then which leg still hurts (saved again).</summary>
    private static void AnswerStillThere(IRenderedComponent<PainFollowUp> cut, string button, string leg = "Right")
    {
        cut.FindButton(button).Click();
        cut.FindQuestion("Which leg still hurts?").ButtonIn(leg).Click();
    }

    [Fact]
    public void PainFollowUp_Rendered_AsksAboutThatLegAndThatCramp()
    {
        var episode = Episodes.Add(PainLeftAfterCramp());

        var cut = Render<PainFollowUp>(p => p.Add(c => c.Episode, episode));

        var section = cut.Find("section.lcc-followup");
        var heading = cut.Find($"[id='{section.GetAttribute("aria-labelledby")}']");
        Assert.Equal("Is the pain in your right leg still there?", heading.TextContent);
        Assert.Contains("You still had pain after the cramp at 22:40 on Thursday 19 November.", cut.Text(), StringComparison.Ordinal);
        Assert.Equal([Gone, Better, NotBetter], cut.Buttons().Select(b => b.AccessibleName()));
        Assert.Empty(cut.FindAll("section.lcc-result"));
        Assert.Empty(Episodes.PainFollowUpCalls);
    }

    [Fact]
    public void Answer_OnACrampHerMidwifeMeasured_SaysTheReasonsIncludeHerMeasurement()
    {
        var episode = Episodes.Add(PainLeftAfterCramp() with { MidwifeCalfDifferenceCm = 3.5m });
        var urgent = TestAssessments.For(episode.Id, episode.Details with { CalfDifferenceCm = 3.5m }, AssessmentReason.PainFollowUp, midwifeMeasured: true);
        Assert.True(urgent.Level >= Rules.TriageLevel.Urgent);
        Episodes.OnPainFollowUp = _ => Task.FromResult(ServiceResult<EpisodeDto>.Ok(episode with { Assessment = urgent }));
        var cut = Render<PainFollowUp>(p => p.Add(c => c.Episode, episode));

        AnswerStillThere(cut, Better);

        Assert.Contains("Because of what you told us and your midwife's measurement:", cut.Find("section.lcc-result").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void PainFollowUp_BothLegs_AsksAboutBothLegs()
    {
        var episode = Episodes.Add(PainLeftAfterCramp() with { Details = PainLeftAfterCramp().Details with { Side = Side.Both } });

        var cut = Render<PainFollowUp>(p => p.Add(c => c.Episode, episode));

        Assert.Equal("Is the pain in both legs still there?", cut.Find("section.lcc-followup h2").TextContent);
    }

    [Fact]
    public void Gone_Tapped_SendsItAtOnceAndShowsTheNewResult()
    {
        var episode = Episodes.Add(PainLeftAfterCramp());
        var cut = Render<PainFollowUp>(p => p.Add(c => c.Episode, episode));

        cut.FindButton(Gone).Click();

        Assert.Equal([new PainFollowUpRequest(episode.Id, PainNow.Gone)], Episodes.PainFollowUpCalls);
        Assert.Equal("This sounds like an ordinary cramp", cut.Find("section.lcc-result-none h2").TextContent);
        Assert.Contains("Thank you", cut.Find("section.lcc-followup > p").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.QueryButtons(Gone));
    }

    [Theory]
    [InlineData(Better, PainNow.BetterButStillThere, "Left", Side.Left)]
    [InlineData(NotBetter, PainNow.NotBetter, "Both", Side.Both)]
    public void StillThere_SavedAtOnce_ThenWhichLegUnderTheResult_SavedToo(string button, PainNow sent, string leg, Side side)
    {
        var episode = Episodes.Add(PainLeftAfterCramp());
        var cut = Render<PainFollowUp>(p => p.Add(c => c.Episode, episode));

        cut.FindButton(button).Click();

        // Nothing waits on the leg: her answer is saved and the result shown straight away.
        Assert.Equal([new PainFollowUpRequest(episode.Id, sent)], Episodes.PainFollowUpCalls);
        Assert.Single(cut.FindAll("section.lcc-result"));
        var question = cut.FindQuestion("Which leg still hurts?");

        question.ButtonIn(leg).Click();

        Assert.Equal([new PainFollowUpRequest(episode.Id, sent), new PainFollowUpRequest(episode.Id, sent, side)], Episodes.PainFollowUpCalls);
        Assert.Single(cut.FindAll("section.lcc-result"));
        Assert.Empty(cut.FindAll("fieldset[data-question='pain-side']"));
    }

    [Fact]
    public void Gone_DoesNotAskWhichLeg()
    {
        var episode = Episodes.Add(PainLeftAfterCramp());
        var cut = Render<PainFollowUp>(p => p.Add(c => c.Episode, episode));

        cut.FindButton(Gone).Click();

        Assert.Empty(cut.FindAll("fieldset[data-question='pain-side']"));
    }

    [Fact]
    public void NotBetter_SixHoursAfterTheCramp_CallMaternityTriageNow()
    {
        // 2026.2: pain not getting better for 6 hours (any leg) is UR-6, no longer "more than a day in one leg".
        Episodes.PainFollowUpHours = 6;
        var episode = Episodes.Add(PainLeftAfterCramp());
        var cut = Render<PainFollowUp>(p => p.Add(c => c.Episode, episode));

        AnswerStillThere(cut, NotBetter, "Both");

        var card = cut.Find("section.lcc-result-urgent[role=alert]");
        Assert.Equal("Call maternity triage now", card.QuerySelector("h2")!.TextContent);
        Assert.Equal("UR-6", Assert.Single(card.QuerySelectorAll(".lcc-reasons li[data-rule]")).GetAttribute("data-rule"));
        Assert.Contains("Pain in your leg has lasted 6 hours or more since the cramp and is not getting better.", card.TextContent, StringComparison.Ordinal);
        Assert.Contains("do not rub, massage or heat that leg", card.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void NotBetter_UnderSixHours_ForNowWithTheClockTimeToCall()
    {
        Episodes.PainFollowUpHours = 3;
        var episode = Episodes.Add(PainLeftAfterCramp());
        var cut = Render<PainFollowUp>(p => p.Add(c => c.Episode, episode));

        AnswerStillThere(cut, NotBetter);

        var card = cut.Find("section.lcc-result-none");
        Assert.Empty(cut.FindAll("section.lcc-result[role=alert]"));
        Assert.Contains("(6 hours after it started) and is not getting better, call maternity triage then.",
            card.QuerySelector("[data-testid=pain-clock]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void GettingBetter_AfterMoreThanADay_MentionItNotUrgent()
    {
        Episodes.PainFollowUpHours = 25;
        var episode = Episodes.Add(PainLeftAfterCramp());
        var cut = Render<PainFollowUp>(p => p.Add(c => c.Episode, episode));

        AnswerStillThere(cut, Better);

        Assert.Empty(cut.FindAll("section.lcc-result[role=alert]"));
        var card = cut.Find("section.lcc-result-routine");
        Assert.Equal("RO-8", Assert.Single(card.QuerySelectorAll(".lcc-reasons li[data-rule]")).GetAttribute("data-rule"));
    }

    [Fact]
    public void Answer_NotFound_SaysTheCrampCouldNotBeFoundAndKeepsTheQuestion()
    {
        var episode = PainLeftAfterCramp(); // deleted meanwhile: not in the store

        var cut = Render<PainFollowUp>(p => p.Add(c => c.Episode, episode));
        cut.FindButton(Gone).Click();

        Assert.Equal("This cramp could not be found. It may have been deleted.", Assert.Single(cut.FindAllByRole("alert")).TextContent);
        Assert.Empty(cut.FindAll("section.lcc-result"));
        Assert.False(cut.FindButton(Gone).IsDisabled());
    }

    [Fact]
    public void Answer_ServiceThrows_AsksHerToTapAgain()
    {
        var episode = Episodes.Add(PainLeftAfterCramp());
        Episodes.OnPainFollowUp = _ => throw new InvalidOperationException("database down");
        var cut = Render<PainFollowUp>(p => p.Add(c => c.Episode, episode));

        cut.FindButton(NotBetter).Click();

        Assert.Equal("Your answer didn't save. Please tap it again.", Assert.Single(cut.FindAllByRole("alert")).TextContent);
        Assert.False(cut.FindButton(NotBetter).IsDisabled());
    }

    [Fact]
    public async Task Answer_TappedTwiceWhileSaving_SendsOneRequest()
    {
        var episode = Episodes.Add(PainLeftAfterCramp());
        var pending = new TaskCompletionSource<ServiceResult<EpisodeDto>>();
        var answer = Episodes.OnPainFollowUp;
        Episodes.OnPainFollowUp = _ => pending.Task;
        var cut = Render<PainFollowUp>(p => p.Add(c => c.Episode, episode));

        cut.FindButton(NotBetter).Click();
        Assert.All(cut.Buttons(), b => Assert.True(b.IsDisabled()));
        cut.FindButton(NotBetter).Click();
        cut.FindButton(Gone).Click();
        pending.SetResult(await answer(new PainFollowUpRequest(episode.Id, PainNow.NotBetter)));

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("section.lcc-result")));
        Assert.Equal([new PainFollowUpRequest(episode.Id, PainNow.NotBetter)], Episodes.PainFollowUpCalls);
    }

    [Fact]
    public void Answer_Saved_MovesFocusToTheResult()
    {
        var episode = Episodes.Add(PainLeftAfterCramp());
        var cut = Render<PainFollowUp>(p => p.Add(c => c.Episode, episode));

        cut.FindButton(NotBetter).Click();

        // The tapped button is gone: focus goes to what to do now, not back to the top of the page.
        var target = cut.Find(".lcc-followup-result");
        Assert.Equal("-1", target.GetAttribute("tabindex"));
        Assert.NotNull(target.QuerySelector("section.lcc-result"));
        cut.WaitForAssertion(() => Assert.Contains(
            JSInterop.Invocations, i => i.Identifier == "lcc.focus" && (string?)i.Arguments[0] == target.Id));
    }
}
