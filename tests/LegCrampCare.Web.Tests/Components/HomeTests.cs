using Bunit;
using LegCrampCare.Core.Abstractions;
using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;
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
        Assert.Empty(cut.QueryLinks("Log a cramp"));
        Assert.Equal(0, Profiles.GetMineCalls);
    }

    [Fact]
    public void Home_PatientWithoutProfile_GoesToOnboarding()
    {
        var cut = Render<Home>();

        Assert.EndsWith("/onboarding", Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal);
        Assert.Empty(cut.QueryLinks("Log a cramp"));
    }

    [Fact]
    public void Home_Patient_GreetsHerAndOffersLogACramp()
    {
        Profiles.Profile = Amira;

        var cut = Render<Home>();

        Assert.Equal("Hello, Amira", cut.Find("h1").TextContent);
        Assert.Contains(TestEpisodes.Stage, cut.Text(), StringComparison.Ordinal);
        // The one quick log is its own page, which works with no connection (ADR 0021).
        Assert.Equal("/log", cut.FindLink("Log a cramp").GetAttribute("href"));
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
        Assert.Equal($"/episodes/{left.Id}/questions", cut.FindLink("Answer the questions: Left leg at 02:30").GetAttribute("href"));
        Assert.Equal($"/episodes/{right.Id}/questions", cut.FindLink("Answer the questions: Right leg at 04:05").GetAttribute("href"));
        // Nothing answered: the warning-sign questions are missing, so the one action is to answer them (W8).
        Assert.Empty(cut.QueryButtons("Left leg at 02:30 is right as it is"));
        Assert.Empty(cut.QueryButtons("Right leg at 04:05 is right as it is"));
        // Each cramp's one action looks like the button it is (not a text link), one per cramp.
        var actions = cut.FindAll("[data-testid=morning-review] li .lcc-button");
        Assert.Equal(2, actions.Count);
        Assert.All(actions, a => Assert.Equal("Answer the questions", a.TextContent));
    }

    [Fact]
    public void Home_MorningReview_NothingMissing_OffersItsRightAsItIsBesideAnswering()
    {
        Profiles.Profile = Amira;
        var left = TestEpisodes.Episode(side: Side.Left, answers: TestEpisodes.AllQuickQuestionsNo() with { EasedByStretching = Answer.NotAnswered });
        Episodes.MorningReview = [left];

        var cut = Render<Home>();

        var item = cut.Find($"[data-testid=morning-review] li[data-episode='{left.Id}']");
        Assert.Contains("lcc-button", cut.FindButton("Left leg at 02:30 is right as it is").ClassList);
        Assert.Equal($"/episodes/{left.Id}/questions", cut.FindLink("Answer the questions: Left leg at 02:30").GetAttribute("href"));
        Assert.DoesNotContain("not answered yet", item.TextContent, StringComparison.Ordinal);
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
        Assert.Empty(cut.QueryLinks("Log a cramp"));
        Assert.Equal(0, Profiles.GetMineCalls);
    }

    [Fact]
    public void Home_MorningReviewItsRightAsItIs_ConfirmsAndRemovesIt()
    {
        Profiles.Profile = Amira;
        var left = TestEpisodes.Episode(side: Side.Left, answers: TestEpisodes.AllQuickQuestionsNo() with { EasedByStretching = Answer.NotAnswered });
        Episodes.MorningReview = [left];
        var cut = Render<Home>();

        cut.FindButton("Left leg at 02:30 is right as it is").Click();

        Assert.Equal([left.Id], Episodes.ConfirmCalls);
        cut.WaitForAssertion(() => Assert.DoesNotContain("questions still to answer", cut.Text(), StringComparison.Ordinal));
    }

    [Fact]
    public void Home_MidwifeMeasurementRaisedAResult_SaysWhichCrampAndWhatToDoIfSheStillHasIt()
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
        // W7: conditional on symptoms now, never "call 999" for symptoms that may have gone.
        Assert.Contains("If you are breathless, have chest pain or cough up blood now, call 999.", text, StringComparison.Ordinal);
        Assert.Contains("If you have not been checked since your midwife measured your legs, call maternity triage now.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("maternity unit", text, StringComparison.Ordinal);
        Assert.Equal("tel:111", card.QuerySelector("a.lcc-call")!.GetAttribute("href"));
        var link = card.QuerySelectorAll("a")[^1];
        Assert.Equal($"/episodes/{episode.Id}", link.GetAttribute("href"));
        Assert.Equal("See the advice for the cramp in your left leg on the night of Tuesday 17 November at 23:15", link.TextContent);
    }

    [Fact]
    public void Home_MidwifeMeasurementRaisedAResult_WithHerMaternityUnitsNumber_GivesThatNumber()
    {
        Safety.MaternityTriageNumber = "01632 960000";
        Profiles.Profile = Amira with { Contacts = Safety.ContactsFor("+441234567890") };
        var episode = TestEpisodes.Episode(side: Side.Right, startedAtLocal: new DateTime(2026, 11, 17, 23, 15, 0), answers: TestEpisodes.AllQuickQuestionsNo());
        var assessment = TestAssessments.For(episode.Id, episode.Details with { CalfDifferenceCm = 3.5m }, AssessmentReason.MidwifeMeasurement);
        Episodes.MidwifeUpdates.Add(episode with { MidwifeCalfDifferenceCm = 3.5m, Assessment = assessment });

        var cut = Render<Home>();

        var call = cut.Find("[data-testid=midwife-update] a.lcc-call");
        // Hers wins over the unit's, shown in her national format and dialled in E.164.
        Assert.Equal("tel:+441234567890", call.GetAttribute("href"));
        Assert.Equal("Call maternity triage: 01234 567890", call.TextContent);
    }

    [Fact]
    public void Home_MidwifeMeasurementRaisedAResultToAnEmergency_ConditionalOnHowSheIsNow()
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
        Assert.Contains("needed help straight away.", text, StringComparison.Ordinal);
        Assert.Contains($"If you are breathless, have chest pain or cough up blood now, call {Safety.EmergencyNumber}.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("needs checking", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Home_MidwifeMeasurementAndSheIsNowMoreThanSixWeeksAfterTheBirth_NamesTheGpOrNhs111()
    {
        // Measured on day 40, shown on day 43: who to call is for her stage today, as the safety net says (W1).
        Profiles.Profile = Amira with { WordingToday = new WordingContext(WordingStage.LaterAfterBirth, false) };
        var episode = TestEpisodes.Episode(side: Side.Left, answers: TestEpisodes.AllQuickQuestionsNo());
        var assessment = TestAssessments.For(episode.Id, episode.Details with { CalfDifferenceCm = 3.5m }, AssessmentReason.MidwifeMeasurement);
        Episodes.MidwifeUpdates.Add(episode with { MidwifeCalfDifferenceCm = 3.5m, Assessment = assessment });

        var cut = Render<Home>();

        var card = cut.Find("[data-testid=midwife-update]");
        var text = System.Text.RegularExpressions.Regex.Replace(card.TextContent, @"\s+", " ");
        Assert.Contains("call your GP now, or NHS 111 if you can't reach them.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("maternity triage", text, StringComparison.Ordinal);
        Assert.Equal("tel:111", card.QuerySelector("a.lcc-call")!.GetAttribute("href"));
    }

    [Fact]
    public void Home_ANewRuleSetRaisedAResult_ConditionalWordingWithNoClock()
    {
        Profiles.Profile = Amira;
        var episode = TestEpisodes.Episode(side: Side.Right, startedAtLocal: new DateTime(2026, 11, 17, 23, 15, 0),
            answers: TestEpisodes.AllQuickQuestionsNo() with
            {
                PainStillThere = Answer.Yes, PainAfterImproving = Answer.No, HeavyAche = Answer.No, PainOnWalkingOrStanding = Answer.No,
                PainPullingToesUp = Answer.No, Tenderness = Answer.No,
            });
        var raised = TestAssessments.For(episode.Id, episode.Details with { PainAfterHours = 7m }, AssessmentReason.RuleSetUpgrade);
        Assert.Equal(TriageLevel.Urgent, raised.Level);
        Episodes.RuleSetUpdates.Add(episode with { Assessment = raised });

        var cut = Render<Home>();

        var card = cut.Find("[data-testid=rule-set-update]");
        var text = System.Text.RegularExpressions.Regex.Replace(card.TextContent, @"\s+", " ");
        Assert.Equal("New advice about an earlier cramp", card.QuerySelector("h2")!.TextContent);
        Assert.Contains("the cramp in your right leg on the night of Tuesday 17 November at 23:15", text, StringComparison.Ordinal);
        Assert.Contains("If you still have this pain or these symptoms now, call maternity triage now, or your GP or NHS 111 if you can't reach them.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Set a reminder", text, StringComparison.Ordinal);
        Assert.Equal("tel:111", card.QuerySelector("a.lcc-call")!.GetAttribute("href"));
        Assert.Equal($"/episodes/{episode.Id}", card.QuerySelectorAll("a")[^1].GetAttribute("href"));
    }

    [Fact]
    public void Home_TheServersResultIsHigherThanHerPhoneShowed_SaysSoWithTheActionAndNoClock()
    {
        Profiles.Profile = Amira;
        var episode = TestEpisodes.Episode(side: Side.Left, startedAtLocal: new DateTime(2026, 11, 17, 3, 10, 0),
            answers: TestEpisodes.AllQuickQuestionsNo() with { Swelling = Swelling.OneLeg });
        var urgent = TestAssessments.For(episode.Id, episode.Details, AssessmentReason.Logged);
        Assert.Equal(TriageLevel.Urgent, urgent.Level);
        Episodes.HigherThanShown.Add(episode with { Assessment = urgent });

        var cut = Render<Home>();

        var card = cut.Find("[data-testid=higher-than-shown]");
        var text = System.Text.RegularExpressions.Regex.Replace(card.TextContent, @"\s+", " ");
        Assert.Equal("New advice about a cramp you logged", card.QuerySelector("h2")!.TextContent);
        Assert.Contains("Your phone checked your answers about the cramp in your left leg on the night of Monday 16 November at 03:10 before they reached us.", text, StringComparison.Ordinal);
        Assert.Contains("If you still have this pain or these symptoms now, call maternity triage now", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Set a reminder", text, StringComparison.Ordinal);
        Assert.NotNull(card.QuerySelector("a.lcc-call"));
        Assert.Equal($"/episodes/{episode.Id}", card.QuerySelectorAll("a")[^1].GetAttribute("href"));
    }

    [Fact]
    public void Home_HerMidwifeReviewedAFlag_HerNoteIsOnTheHomePage()
    {
        Profiles.Profile = Amira;
        var episode = TestEpisodes.Episode(side: Side.Left, startedAtLocal: new DateTime(2026, 11, 17, 23, 15, 0));
        Episodes.MidwifeNotes.Add(new LegCrampCare.Core.Features.Episodes.MidwifeNoteDto(
            episode, new LegCrampCare.Core.Features.Review.FlagReviewView("Sam Smith, community midwife", new DateTime(2026, 11, 19, 10, 0, 0, DateTimeKind.Utc), "Seen at clinic: calves equal, no clot. Keep stretching.")));

        var cut = Render<Home>();

        var card = cut.Find("[data-testid=midwife-note]");
        var text = System.Text.RegularExpressions.Regex.Replace(card.TextContent, @"\s+", " ");
        Assert.Equal("Your midwife has looked at your cramp", card.QuerySelector("h2")!.TextContent);
        Assert.Contains("On 19 November, Sam Smith, community midwife looked at the cramp in your left leg on the night of Tuesday 17 November at 23:15 and wrote:", text, StringComparison.Ordinal);
        Assert.Equal("Seen at clinic: calves equal, no clot. Keep stretching.", card.QuerySelector("blockquote")!.TextContent);
        Assert.Equal($"/episodes/{episode.Id}", card.QuerySelectorAll("a")[^1].GetAttribute("href"));
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
        // Below "Log a cramp": it stays the first thing under her thumb.
        var markup = cut.Markup;
        Assert.Equal("/log", cut.FindLink("Log a cramp").GetAttribute("href"));
        Assert.True(
            markup.IndexOf("href=\"/log\"", StringComparison.Ordinal) < markup.IndexOf("lcc-followup", StringComparison.Ordinal),
            "The pain check must come after 'Log a cramp'.");
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
