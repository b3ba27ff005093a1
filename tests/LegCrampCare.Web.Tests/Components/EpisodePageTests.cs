using Bunit;
using LegCrampCare.Core.Common;
using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;
using LegCrampCare.Core.Features.Episodes;
using LegCrampCare.Web.Components.Pages.Episodes;
using LegCrampCare.Web.Tests.Components.Fakes;

namespace LegCrampCare.Web.Tests.Components;

public sealed class EpisodePageTests : ComponentTestBase
{
    private const string DurationLabel = "How long it lasted (minutes)";
    private const string DurationError = "How long it lasted must be between 0 and 720 minutes (12 hours).";

    [Fact]
    public void EpisodePage_Loaded_ShowsDetailsAndStage()
    {
        var episode = Episodes.Add(TestEpisodes.Episode(side: Side.Right, durationMinutes: 4));

        var cut = Render<EpisodePage>(p => p.Add(c => c.Id, episode.Id));

        Assert.Equal("Cramp details", cut.Find("h1").TextContent);
        Assert.Contains(TestEpisodes.Stage, cut.Text(), StringComparison.Ordinal);
        Assert.True(cut.FindQuestion("Which leg").ButtonIn("Right").IsPressed());
        Assert.Equal("4", cut.FindByLabel(DurationLabel).GetAttribute("value"));
        Assert.Equal([episode.Id], Episodes.GetCalls);
    }

    [Fact]
    public void MidwifeMeasured_SaysSoUnderTheResult_AndThatHersIsUsed()
    {
        var episode = TestEpisodes.Episode(side: Side.Left, answers: TestEpisodes.AllQuickQuestionsNo());
        var assessment = TestAssessments.For(episode.Id, episode.Details with { CalfDifferenceCm = 3.5m }, AssessmentReason.MidwifeMeasurement, midwifeMeasured: true);
        Episodes.Add(episode with { MidwifeCalfDifferenceCm = 3.5m, Assessment = assessment });

        var cut = Render<EpisodePage>(p => p.Add(c => c.Id, episode.Id));

        var section = cut.Find("[data-testid=midwife-measurement]");
        var text = System.Text.RegularExpressions.Regex.Replace(section.TextContent, @"\s+", " "); // as a browser shows it
        Assert.Equal("Your midwife measured your calves", section.QuerySelector("h2")!.TextContent);
        Assert.Contains($"She found a difference of 3.5 cm between them (recorded {assessment.AssessedAtLocal:d MMMM}).", text, StringComparison.Ordinal);
        Assert.Contains("The result above uses her measurement, even if you change your own below.", text, StringComparison.Ordinal);
        Assert.Contains("Because of what you told us and your midwife's measurement:", cut.Find("#episode-result").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void NotMeasuredByAMidwife_SaysNothingAboutIt()
    {
        var episode = Episodes.Add(TestAssessments.Assessed(TestEpisodes.Episode(side: Side.Left, answers: TestEpisodes.AllQuickQuestionsNo())));

        var cut = Render<EpisodePage>(p => p.Add(c => c.Id, episode.Id));

        Assert.Empty(cut.FindAll("[data-testid=midwife-measurement]"));
    }

    [Fact]
    public void GetAsync_NotFound_ShowsNotFound()
    {
        var cut = Render<EpisodePage>(p => p.Add(c => c.Id, Guid.NewGuid()));

        Assert.Equal("Not found", cut.Find("h1").TextContent);
        Assert.Empty(cut.QueryButtons("Save"));
    }

    [Fact]
    public void Save_Invalid_ShowsMessageNextToFieldAndSaysNothingChanged()
    {
        var episode = Episodes.Add(TestEpisodes.Episode());
        Episodes.OnUpdate = _ => Task.FromResult(
            ServiceResult<EpisodeDto>.Invalid(nameof(EpisodeDetails.DurationMinutes), DurationError));
        var cut = Render<EpisodePage>(p => p.Add(c => c.Id, episode.Id));

        cut.FindButton("Save").Click();

        var alert = Assert.Single(cut.FindAllByRole("alert"));
        Assert.Equal("Please check the highlighted fields. Nothing has been changed yet.", alert.AccessibleName());
        var block = cut.FindByLabel(DurationLabel).NearestBlockWithText(DurationError);
        Assert.NotNull(block);
        Assert.Equal(1, block.CountFormControls());
        Assert.Equal("true", cut.FindByLabel(DurationLabel).GetAttribute("aria-invalid"));
        Assert.DoesNotContain(cut.FindAllByRole("status"), s => s.TextContent == "Saved.");
        Assert.Single(Episodes.UpdateCalls);
    }

    [Fact]
    public void Save_ValidAfterInvalid_ClearsTheMessagesAndSaysSaved()
    {
        var episode = Episodes.Add(TestEpisodes.Episode());
        var update = Episodes.OnUpdate;
        Episodes.OnUpdate = r => Episodes.UpdateCalls.Count == 1
            ? Task.FromResult(ServiceResult<EpisodeDto>.Invalid(nameof(EpisodeDetails.DurationMinutes), DurationError))
            : update(r);
        var cut = Render<EpisodePage>(p => p.Add(c => c.Id, episode.Id));
        cut.FindButton("Save").Click();
        Assert.Contains(DurationError, cut.Text(), StringComparison.Ordinal);

        cut.FindByLabel(DurationLabel).Change("8");
        cut.FindButton("Save").Click();

        Assert.Empty(cut.FindAllByRole("alert"));
        Assert.DoesNotContain(DurationError, cut.Text(), StringComparison.Ordinal);
        Assert.Contains(cut.FindAllByRole("status"), s => s.TextContent == "Saved.");
        Assert.Equal(8, Episodes.Stored[episode.Id].Details.DurationMinutes);
    }

    [Fact]
    public void Save_Valid_SendsTheEditedDetails()
    {
        var episode = Episodes.Add(TestEpisodes.Episode(side: Side.Left));
        var cut = Render<EpisodePage>(p => p.Add(c => c.Id, episode.Id));

        cut.FindQuestion("Which leg").ButtonIn("Both").Click();
        cut.FindQuestion("What helped").ButtonIn("Stretching").Click();
        cut.FindQuestion("Does a calf or thigh feel warm to the touch?").ButtonIn("No").Click();
        cut.FindButton("Save").Click();

        var request = Assert.Single(Episodes.UpdateCalls);
        Assert.Equal(episode.Id, request.EpisodeId);
        Assert.Equal(Side.Both, request.Details.Side);
        Assert.Equal(ReliefMethods.Stretching, request.Details.HelpedBy);
        Assert.Equal(new EpisodeAnswers { Warmth = Answer.No }, request.Details.Answers);
        Assert.Equal(episode.Details.StartedAtLocal, request.Details.StartedAtLocal);
    }

    [Fact]
    public void Save_NotFound_ShowsNotFound()
    {
        var episode = Episodes.Add(TestEpisodes.Episode());
        var cut = Render<EpisodePage>(p => p.Add(c => c.Id, episode.Id));
        Episodes.Stored.Clear();

        cut.FindButton("Save").Click();

        Assert.Equal("Not found", cut.Find("h1").TextContent);
    }

    [Fact]
    public void Delete_Confirmed_DeletesAndSaysSo()
    {
        var episode = Episodes.Add(TestEpisodes.Episode());
        var cut = Render<EpisodePage>(p => p.Add(c => c.Id, episode.Id));

        cut.FindButton("Delete…").Click();
        Assert.Empty(Episodes.DeleteCalls);
        cut.FindButton("Yes, delete it").Click();

        Assert.Equal([episode.Id], Episodes.DeleteCalls);
        Assert.Equal("Deleted", cut.Find("h1").TextContent);
        Assert.Equal("/history", cut.FindLink("Back to your nights").GetAttribute("href"));
    }

    [Fact]
    public void YesDeleteIt_TappedTwiceWhileDeleting_DeletesOnceAndSaysDeleted()
    {
        var episode = Episodes.Add(TestEpisodes.Episode());
        var pending = new TaskCompletionSource<ServiceResult<bool>>();
        // Like the real service: the first call deletes it, any later call no longer finds it.
        Episodes.OnDelete = _ => Episodes.DeleteCalls.Count == 1 ? pending.Task : Task.FromResult(ServiceResult<bool>.NotFound());
        var cut = Render<EpisodePage>(p => p.Add(c => c.Id, episode.Id));
        cut.FindButton("Delete…").Click();

        cut.FindButton("Yes, delete it").Click();
        Assert.True(cut.FindButton("Yes, delete it").IsDisabled());
        cut.FindButton("Yes, delete it").Click();
        pending.SetResult(ServiceResult<bool>.Ok(true));

        cut.WaitForAssertion(() => Assert.Equal("Deleted", cut.Find("h1").TextContent));
        Assert.Single(Episodes.DeleteCalls);
    }

    [Fact]
    public void Delete_KeepIt_DeletesNothing()
    {
        var episode = Episodes.Add(TestEpisodes.Episode());
        var cut = Render<EpisodePage>(p => p.Add(c => c.Id, episode.Id));

        cut.FindButton("Delete…").Click();
        cut.FindButton("Keep it").Click();

        Assert.Empty(Episodes.DeleteCalls);
        Assert.Single(cut.QueryButtons("Delete…"));
    }

    [Fact]
    public void EpisodePage_Loaded_ShowsTheCurrentResultAndNoEarlierOnes()
    {
        var episode = Episodes.Add(TestAssessments.Assessed(TestEpisodes.Episode()));

        var cut = Render<EpisodePage>(p => p.Add(c => c.Id, episode.Id));

        var card = Assert.Single(cut.FindAll("section.lcc-result"));
        Assert.Equal("We can't check this was an ordinary cramp until you answer", card.QuerySelector("h2")!.TextContent);
        Assert.Empty(cut.FindAll("details.lcc-earlier"));
    }

    [Fact]
    public void Save_AnswerChanged_ShowsTheNewResultAndKeepsTheEarlierOnes()
    {
        var episode = Episodes.Add(TestAssessments.Assessed(TestEpisodes.Episode()));
        var cut = Render<EpisodePage>(p => p.Add(c => c.Id, episode.Id));

        cut.FindQuestion("Does a calf or thigh feel warm to the touch?").ButtonIn("Yes").Click();
        cut.FindButton("Save").Click();

        var card = Assert.Single(cut.FindAll("section.lcc-result"));
        Assert.Contains("lcc-result-urgent", card.ClassList);
        Assert.Equal("Call maternity triage now", card.QuerySelector("h2")!.TextContent);
        Assert.Equal("UR-3", Assert.Single(card.QuerySelectorAll(".lcc-reasons li[data-rule]")).GetAttribute("data-rule"));
        var earlier = cut.Find("details.lcc-earlier");
        Assert.Equal("Earlier results for this cramp (1)", earlier.QuerySelector("summary")!.TextContent);
        Assert.Equal(["20 Nov 02:35 · Questions to answer"], EarlierResults(earlier));
        cut.WaitForAssertion(() => Assert.Contains(
            JSInterop.Invocations, i => i.Identifier == "lcc.focus" && (string?)i.Arguments[0] == "episode-result"));

        // Answered no after all: the urgent result is kept as an earlier one, newest first.
        cut.FindQuestion("Does a calf or thigh feel warm to the touch?").ButtonIn("No").Click();
        cut.FindButton("Save").Click();

        Assert.Single(cut.FindAll("section.lcc-result-incomplete"));
        earlier = cut.Find("details.lcc-earlier");
        Assert.Equal("Earlier results for this cramp (2)", earlier.QuerySelector("summary")!.TextContent);
        Assert.Equal(["20 Nov 02:35 · Urgent: call now", "20 Nov 02:35 · Questions to answer"], EarlierResults(earlier));
        Assert.Contains("lcc-badge-urgent", earlier.QuerySelector(".lcc-badge-urgent")!.ClassList);
    }

    private static IEnumerable<string> EarlierResults(AngleSharp.Dom.IElement earlier) =>
        earlier.QuerySelectorAll("li").Select(li => li.AccessibleName());
}
