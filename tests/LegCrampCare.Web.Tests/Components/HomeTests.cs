using Bunit;
using LegCrampCare.Core.Abstractions;
using LegCrampCare.Core.Domain;
using LegCrampCare.Core.Features.Profile;
using LegCrampCare.Core.Triage;
using LegCrampCare.Web.Components.Pages;
using LegCrampCare.Web.Components.Shared;
using LegCrampCare.Web.Tests.Components.Fakes;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace LegCrampCare.Web.Tests.Components;

public sealed class HomeTests : ComponentTestBase
{
    private static readonly ProfileDto Amira = new(
        new SaveProfileRequest { DisplayName = "Amira", DueDate = new DateOnly(2027, 1, 20), TimeZoneId = "Europe/London" },
        TestEpisodes.Stage, IsPregnant: true, IsPostpartum: false, PregnancyEnded: false, AskIfBabyArrived: false,
        LocalToday: new DateOnly(2026, 11, 20));

    [Fact]
    public void Home_Anonymous_OffersRegisterAndSignIn()
    {
        CurrentUser.User = CurrentUserInfo.Anonymous;

        var cut = Render<Home>();

        Assert.Equal("/Account/Register", cut.FindLink("Create an account").GetAttribute("href"));
        Assert.Equal("/Account/Login", cut.FindLink("Sign in").GetAttribute("href"));
        Assert.Empty(cut.QueryButtons("Log a cramp"));
        Assert.Equal(0, Profiles.GetMineCalls);
    }

    [Fact]
    public void Home_PatientWithoutProfile_GoesToOnboarding()
    {
        var cut = Render<Home>();

        Assert.EndsWith("/onboarding", Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal);
        Assert.Empty(cut.QueryButtons("Log a cramp"));
    }

    [Fact]
    public void Home_Patient_GreetsHerAndOffersLogACramp()
    {
        Profiles.Profile = Amira;

        var cut = Render<Home>();

        Assert.Equal("Hello, Amira", cut.Find("h1").TextContent);
        Assert.Contains(TestEpisodes.Stage, cut.Text(), StringComparison.Ordinal);
        Assert.Single(cut.QueryButtons("Log a cramp"));
        Assert.Empty(cut.FindAll("#morning-title"));
        Assert.DoesNotContain("Has your baby arrived?", cut.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public void Home_MorningReview_ListsLastNightsCrampsToCheck()
    {
        Profiles.Profile = Amira;
        var left = TestEpisodes.Episode(side: Side.Left);
        var right = TestEpisodes.Episode(side: Side.Right, startedAtLocal: new DateTime(2026, 11, 20, 4, 5, 0));
        Episodes.MorningReview = [left, right];

        var cut = Render<Home>();

        Assert.Contains("You logged 2 cramps with questions still to answer.", cut.Text(), StringComparison.Ordinal);
        Assert.Equal($"/episodes/{left.Id}/questions", cut.FindLink("Left leg at 02:30: answer the questions").GetAttribute("href"));
        Assert.Equal($"/episodes/{right.Id}/questions", cut.FindLink("Right leg at 04:05: answer the questions").GetAttribute("href"));
    }

    [Fact]
    public void Home_CrampLogged_RefreshesTheMorningReview()
    {
        Profiles.Profile = Amira;
        var cut = Render<Home>();

        cut.FindButton("Log a cramp").Click();
        cut.FindButton("Left").Click();

        Assert.Single(Episodes.QuickLogCalls);
        Assert.Equal(2, Episodes.MorningReviewCalls);
    }

    [Fact]
    public void Home_DueDatePassed_AsksIfBabyArrived()
    {
        Profiles.Profile = Amira with { AskIfBabyArrived = true };
        var cut = Render<Home>();

        cut.FindButton("Not yet").Click();

        Assert.Equal(1, Profiles.BabyNotArrivedYetCalls);
        Assert.Equal(2, Profiles.GetMineCalls);
    }

    [Fact]
    public void Home_Midwife_SeesNoLogButton()
    {
        CurrentUser.User = new CurrentUserInfo("midwife-1", new HashSet<string> { Roles.Midwife });

        var cut = Render<Home>();

        Assert.Equal("Welcome", cut.Find("h1").TextContent);
        Assert.Contains("You are signed in as Midwife.", cut.Text(), StringComparison.Ordinal);
        Assert.Empty(cut.QueryButtons("Log a cramp"));
        Assert.Equal(0, Profiles.GetMineCalls);
    }

    [Fact]
    public void Home_MorningReviewItsRightAsItIs_ConfirmsAndRemovesIt()
    {
        Profiles.Profile = Amira;
        var left = TestEpisodes.Episode(side: Side.Left);
        Episodes.MorningReview = [left];
        var cut = Render<Home>();

        cut.FindButton("Left leg at 02:30 is right as it is").Click();

        Assert.Equal([left.Id], Episodes.ConfirmCalls);
        cut.WaitForAssertion(() => Assert.DoesNotContain("questions still to answer", cut.Text(), StringComparison.Ordinal));
    }

    [Fact]
    public void Home_MidwifeMeasurementRaisedAResult_SaysWhichCrampAndWhatToDo()
    {
        Profiles.Profile = Amira;
        var episode = TestEpisodes.Episode(side: Side.Left, startedAtLocal: new DateTime(2026, 11, 17, 23, 15, 0), answers: TestEpisodes.AllQuickQuestionsNo());
        var assessment = TestAssessments.For(episode.Id, episode.Details with { CalfDifferenceCm = 3.5m }, AssessmentReason.MidwifeMeasurement);
        Assert.Equal(TriageLevel.Urgent, assessment.Level);
        Episodes.MidwifeUpdates.Add(episode with { MidwifeCalfDifferenceCm = 3.5m, Assessment = assessment });

        var cut = Render<Home>();

        var card = cut.Find("[data-testid=midwife-update]");
        var text = System.Text.RegularExpressions.Regex.Replace(card.TextContent, @"\s+", " "); // as a browser shows it
        Assert.Equal("Your midwife measured your calves", card.QuerySelector("h2")!.TextContent);
        Assert.Contains($"Her measurement, recorded on {assessment.AssessedAtLocal:d MMMM}, means the cramp in your left leg on the night of Tuesday 17 November at 23:15 needs checking.", text, StringComparison.Ordinal);
        Assert.Contains("If you have not been checked since then, call your maternity unit or midwife today.", text, StringComparison.Ordinal);
        var link = card.QuerySelector("a")!;
        Assert.Equal($"/episodes/{episode.Id}", link.GetAttribute("href"));
        Assert.Equal("See the advice for the cramp in your left leg on the night of Tuesday 17 November at 23:15", link.TextContent);
    }

    [Fact]
    public void Home_MidwifeMeasurementRaisedAResult_WithATriageNumber_GivesThatNumber()
    {
        Profiles.Profile = Amira;
        Safety.MaternityTriageNumber = "01632 960000";
        var episode = TestEpisodes.Episode(side: Side.Right, startedAtLocal: new DateTime(2026, 11, 17, 23, 15, 0), answers: TestEpisodes.AllQuickQuestionsNo());
        var assessment = TestAssessments.For(episode.Id, episode.Details with { CalfDifferenceCm = 3.5m }, AssessmentReason.MidwifeMeasurement);
        Episodes.MidwifeUpdates.Add(episode with { MidwifeCalfDifferenceCm = 3.5m, Assessment = assessment });

        var cut = Render<Home>();

        var card = cut.Find("[data-testid=midwife-update]");
        var text = System.Text.RegularExpressions.Regex.Replace(card.TextContent, @"\s+", " ");
        Assert.Contains("If you have not been checked since then, call maternity triage on 01632 960000 today.", text, StringComparison.Ordinal);
        Assert.Equal("tel:01632 960000", card.QuerySelector("a[href^='tel:']")!.GetAttribute("href"));
    }

    [Fact]
    public void Home_MidwifeMeasurementRaisedAResultToAnEmergency_SaysCallTheEmergencyNumber()
    {
        Profiles.Profile = Amira;
        var episode = TestEpisodes.Episode(side: Side.Left, startedAtLocal: new DateTime(2026, 11, 17, 23, 15, 0),
            answers: TestEpisodes.AllQuickQuestionsNo() with { RacingHeart = Answer.Yes });
        var assessment = TestAssessments.For(episode.Id, episode.Details with { CalfDifferenceCm = 3.5m }, AssessmentReason.MidwifeMeasurement);
        Assert.Equal(TriageLevel.Emergency, assessment.Level);
        Episodes.MidwifeUpdates.Add(episode with { MidwifeCalfDifferenceCm = 3.5m, Assessment = assessment });

        var cut = Render<Home>();

        var card = cut.Find("[data-testid=midwife-update]");
        var text = System.Text.RegularExpressions.Regex.Replace(card.TextContent, @"\s+", " ");
        Assert.Contains("needs help straight away.", text, StringComparison.Ordinal);
        Assert.Contains($"If you have not had help since then, call {Safety.EmergencyNumber} now. Do not drive yourself.", text, StringComparison.Ordinal);
        Assert.Equal($"tel:{Safety.EmergencyNumber}", card.QuerySelector("a.lcc-call")!.GetAttribute("href"));
        Assert.DoesNotContain("needs checking", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Home_NoMidwifeMeasurement_ShowsNoCard()
    {
        Profiles.Profile = Amira;

        var cut = Render<Home>();

        Assert.Empty(cut.FindAll("[data-testid=midwife-update]"));
    }

    [Fact]
    public void Home_PainFollowUpDue_AsksBelowTheQuickLog()
    {
        Profiles.Profile = Amira;
        var episode = TestEpisodes.Episode(
            side: Side.Right, startedAtLocal: new DateTime(2026, 11, 19, 23, 15, 0),
            answers: TestEpisodes.AllQuickQuestionsNo() with { PainStillThere = Answer.Yes });
        Episodes.PainFollowUps = [episode];

        var cut = Render<Home>();

        var followUp = cut.Find("section.lcc-followup");
        Assert.Equal(episode.Id.ToString(), followUp.GetAttribute("data-episode"));
        Assert.Equal("Is the pain in your right leg still there?", followUp.QuerySelector("h2")!.TextContent);
        // Below the quick log: "Log a cramp" stays the first thing under her thumb.
        var sections = cut.FindAll("section").Select(s => s.ClassName).ToList();
        Assert.True(
            sections.FindIndex(c => c!.Contains("lcc-quicklog", StringComparison.Ordinal)) <
            sections.FindIndex(c => c!.Contains("lcc-followup", StringComparison.Ordinal)),
            string.Join(" | ", sections));
        Assert.Single(cut.QueryButtons("Log a cramp"));
        Assert.Single(cut.QueryButtons("It has gone"));
    }

    [Fact]
    public void Home_NoPainFollowUpDue_DoesNotAsk()
    {
        Profiles.Profile = Amira;

        var cut = Render<Home>();

        Assert.Empty(cut.FindAll("section.lcc-followup"));
        Assert.DoesNotContain("still there?", cut.Text(), StringComparison.Ordinal);
        Assert.Empty(cut.QueryButtons("It has gone"));
    }
}
