using Bunit;
using LegCrampCare.Core.Common;
using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;
using LegCrampCare.Core.Features.Episodes;
using LegCrampCare.Web.Tests.Components.Fakes;
using HistoryDto = LegCrampCare.Core.Features.Episodes.HistoryPage;
using HistoryPage = LegCrampCare.Web.Components.Pages.History.HistoryPage;

namespace LegCrampCare.Web.Tests.Components;

public sealed class HistoryPageTests : ComponentTestBase
{
    private static readonly EpisodeDto Thursday = TestEpisodes.Episode(
        side: Side.Left, startedAtLocal: new DateTime(2026, 11, 20, 2, 30, 0), durationMinutes: 5, stage: "31 weeks 1 day pregnant");

    private static readonly EpisodeDto Tuesday = TestEpisodes.Episode(
        side: Side.Both, startedAtLocal: new DateTime(2026, 11, 17, 23, 10, 0), answers: TestEpisodes.AllQuickQuestionsNo(),
        stage: "30 weeks 6 days pregnant");

    [Fact]
    public void History_Empty_ExplainsHowToLogACramp()
    {
        var cut = Render<HistoryPage>();

        var empty = cut.Find("[data-testid=history-empty]");
        Assert.Contains("No cramps logged yet.", empty.TextContent, StringComparison.Ordinal);
        Assert.Contains("tap Log a cramp, then the leg", empty.AccessibleName(), StringComparison.Ordinal);
        Assert.Equal("/log", cut.FindLink("Go to Log a cramp").GetAttribute("href"));
        Assert.Empty(cut.FindAll("h2"));
        Assert.Equal([(1, HistoryPage.NightsPerPage)], Episodes.HistoryCalls);
    }

    [Fact]
    public void History_ServiceFails_ShowsTheEmptyState()
    {
        Episodes.OnGetHistory = (_, _) => Task.FromResult(ServiceResult<HistoryDto>.NotFound());

        var cut = Render<HistoryPage>();

        Assert.Single(cut.FindAll("[data-testid=history-empty]"));
    }

    [Fact]
    public void History_TwoNights_ShowsNightHeadingsNewestFirstWithStage()
    {
        Episodes.OnGetHistory = (page, size) => Task.FromResult(ServiceResult<HistoryDto>.Ok(new HistoryDto(
            [Night(Thursday), Night(Tuesday)], page, size, 2)));

        var cut = Render<HistoryPage>();

        Assert.Empty(cut.FindAll("[data-testid=history-empty]"));
        Assert.Equal(
            ["Night of Thursday 19 November 2026", "Night of Tuesday 17 November 2026"],
            cut.FindAll("h2").Select(h => h.TextContent));
        var sections = cut.FindAll("section[aria-labelledby]");
        Assert.Contains("31 weeks 1 day pregnant", sections[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("30 weeks 6 days pregnant", sections[1].TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("nav"));
    }

    [Fact]
    public void History_Episode_LinksToItsDetailsAndOpenQuestions()
    {
        Episodes.OnGetHistory = (page, size) => Task.FromResult(ServiceResult<HistoryDto>.Ok(new HistoryDto(
            [Night(Thursday), Night(Tuesday)], page, size, 2)));

        var cut = Render<HistoryPage>();

        Assert.Equal($"/episodes/{Thursday.Id}", cut.FindLink("02:30 · left leg · 5 min").GetAttribute("href"));
        Assert.Equal($"/episodes/{Tuesday.Id}", cut.FindLink("23:10 · both legs").GetAttribute("href"));
        var questions = Assert.Single(cut.FindAll("a"), a => a.TextContent == "questions to answer");
        Assert.Equal($"/episodes/{Thursday.Id}/questions", questions.GetAttribute("href"));
    }

    [Fact]
    public void OlderNights_Clicked_LoadsPageTwo()
    {
        Episodes.OnGetHistory = (page, size) => Task.FromResult(ServiceResult<HistoryDto>.Ok(new HistoryDto(
            page == 1 ? [Night(Thursday)] : [Night(Tuesday)], page, size, HistoryPage.NightsPerPage + 1)));
        var cut = Render<HistoryPage>();
        Assert.Contains("Page 1 of 2", cut.Text(), StringComparison.Ordinal);
        Assert.True(cut.FindButton("Newer nights").IsDisabled());

        cut.FindButton("Older nights").Click();

        Assert.Equal([(1, HistoryPage.NightsPerPage), (2, HistoryPage.NightsPerPage)], Episodes.HistoryCalls);
        Assert.Equal("Night of Tuesday 17 November 2026", Assert.Single(cut.FindAll("h2")).TextContent);
        Assert.Contains("Page 2 of 2", cut.Text(), StringComparison.Ordinal);
        Assert.True(cut.FindButton("Older nights").IsDisabled());
        Assert.False(cut.FindButton("Newer nights").IsDisabled());
    }

    [Fact]
    public void NewerNights_Clicked_GoesBackToPageOne()
    {
        Episodes.OnGetHistory = (page, size) => Task.FromResult(ServiceResult<HistoryDto>.Ok(new HistoryDto(
            page == 1 ? [Night(Thursday)] : [Night(Tuesday)], page, size, HistoryPage.NightsPerPage + 1)));
        var cut = Render<HistoryPage>();
        cut.FindButton("Older nights").Click();

        cut.FindButton("Newer nights").Click();

        Assert.Equal(1, Episodes.HistoryCalls[^1].Page);
        Assert.Equal("Night of Thursday 19 November 2026", Assert.Single(cut.FindAll("h2")).TextContent);
    }

    private static NightDto Night(EpisodeDto episode) => new(episode.Night, episode.StageLabel, [episode]);

    [Fact]
    public void History_AssessedEpisode_ShowsItsResultAndNoneForAnIncompleteOne()
    {
        var swollen = TestAssessments.Assessed(TestEpisodes.Episode(
            side: Side.Right, startedAtLocal: new DateTime(2026, 11, 20, 3, 10, 0),
            answers: TestEpisodes.AllQuickQuestionsNo() with { Swelling = Swelling.OneLeg }));
        var quickLogged = TestAssessments.Assessed(Thursday);
        Episodes.OnGetHistory = (page, size) => Task.FromResult(ServiceResult<HistoryDto>.Ok(new HistoryDto(
            [new NightDto(swollen.Night, swollen.StageLabel, [quickLogged, swollen])], page, size, 1)));

        var cut = Render<HistoryPage>();

        var items = cut.FindAll("li");
        Assert.Equal(2, items.Count);
        Assert.Empty(items[0].QuerySelectorAll("[data-testid=result]"));
        Assert.Contains("questions to answer", items[0].TextContent, StringComparison.Ordinal);
        var badge = Assert.Single(items[1].QuerySelectorAll("[data-testid=result]"));
        Assert.Equal("Urgent: call now", badge.TextContent);
        Assert.Contains("lcc-badge-urgent", badge.ClassList);
        Assert.Equal("03:10 · right leg", items[1].QuerySelector("a")!.AccessibleName());
    }
}
