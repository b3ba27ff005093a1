using Bunit;
using LegCrampCare.Core.Common;
using LegCrampCare.Core.Domain;
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
        answers: TestEpisodes.AllQuickQuestionsNo() with { EasedByStretching = Answer.Yes, PainStillThere = Answer.Yes }));

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
        var urgent = TestAssessments.For(episode.Id, episode.Details with { CalfDifferenceCm = 3.5m }, AssessmentReason.PainFollowUp);
        Assert.True(urgent.Level >= LegCrampCare.Core.Triage.TriageLevel.Urgent);
        Episodes.OnPainFollowUp = _ => Task.FromResult(ServiceResult<EpisodeDto>.Ok(episode with { Assessment = urgent }));
        var cut = Render<PainFollowUp>(p => p.Add(c => c.Episode, episode));

        cut.Find("section.lcc-followup").ButtonIn(Better).Click();

        Assert.Contains("Because of what you told us and your midwife's measurement:", cut.Find("section.lcc-result").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void PainFollowUp_BothLegs_AsksAboutBothLegs()
    {
        var episode = Episodes.Add(PainLeftAfterCramp() with { Details = PainLeftAfterCramp().Details with { Side = Side.Both } });

        var cut = Render<PainFollowUp>(p => p.Add(c => c.Episode, episode));

        Assert.Equal("Is the pain in both legs still there?", cut.Find("section.lcc-followup h2").TextContent);
    }

    [Theory]
    [InlineData(Gone, PainNow.Gone, "lcc-result-none", "This sounds like an ordinary cramp")]
    [InlineData(Better, PainNow.BetterButStillThere, "lcc-result-none", "This sounds like an ordinary cramp")]
    [InlineData(NotBetter, PainNow.NotBetter, "lcc-result-none", "Nothing you told us is a warning sign")]
    public void Answer_Tapped_SendsItAndShowsTheNewResult(string button, PainNow sent, string cardClass, string heading)
    {
        var episode = Episodes.Add(PainLeftAfterCramp());
        var cut = Render<PainFollowUp>(p => p.Add(c => c.Episode, episode));

        cut.FindButton(button).Click();

        Assert.Equal([new PainFollowUpRequest(episode.Id, sent)], Episodes.PainFollowUpCalls);
        var card = cut.Find($"section.{cardClass}");
        Assert.Equal(heading, card.QuerySelector("h2")!.TextContent);
        Assert.Contains("Thank you", cut.Find("section.lcc-followup > p").TextContent, StringComparison.Ordinal);
        Assert.Single(cut.FindAll("section.lcc-followup h2"));
        Assert.Empty(cut.QueryButtons(Gone));
        Assert.Empty(cut.QueryButtons(NotBetter));
    }

    [Fact]
    public void NotBetter_AfterMoreThanADayInOneLeg_GetCheckedToday()
    {
        Episodes.PainFollowUpHours = 25;
        var episode = Episodes.Add(PainLeftAfterCramp());
        var cut = Render<PainFollowUp>(p => p.Add(c => c.Episode, episode));

        cut.FindButton(NotBetter).Click();

        var card = cut.Find("section.lcc-result-urgent[role=alert]");
        Assert.Equal("Get checked today", card.QuerySelector("h2")!.TextContent);
        Assert.Equal("UR-6", Assert.Single(card.QuerySelectorAll(".lcc-reasons li[data-rule]")).GetAttribute("data-rule"));
        Assert.Contains("Pain in one leg has lasted more than 24 hours after the cramp and is not getting better.", card.TextContent, StringComparison.Ordinal);
        Assert.Contains("do not rub, massage or heat that leg", card.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void GettingBetter_AfterMoreThanADay_NotUrgent()
    {
        Episodes.PainFollowUpHours = 25;
        var episode = Episodes.Add(PainLeftAfterCramp());
        var cut = Render<PainFollowUp>(p => p.Add(c => c.Episode, episode));

        cut.FindButton(Better).Click();

        Assert.Empty(cut.FindAll("section.lcc-result[role=alert]"));
        Assert.Single(cut.FindAll("section.lcc-result"));
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
