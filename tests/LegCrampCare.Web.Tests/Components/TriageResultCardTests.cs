using AngleSharp.Dom;
using Bunit;
using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;
using LegCrampCare.Core.Features.Episodes;
using LegCrampCare.Core.Triage;
using LegCrampCare.Web.Components.Pages.Episodes;
using LegCrampCare.Web.Components.Shared;
using LegCrampCare.Web.Tests.Components.Fakes;

namespace LegCrampCare.Web.Tests.Components;

/// <summary>
/// One result card per level, each from an assessment the real rule engine made of an episode as she would record it
/// (never a hand-made result), so the words on the card are the ones the rules give.
/// </summary>
public sealed class TriageResultCardTests : ComponentTestBase
{
    private const string TriageNumber = "01632960000";
    private const string DoNotRubTheLeg = "do not rub, massage or heat that leg";
    private const string StillNotAnswered = "Some important questions are still not answered";

    /// <summary>Every kind of card: the episode behind it (see <see cref="DetailsFor"/>), its class and its role.</summary>
    public static TheoryData<string, string, string> Levels { get; } = new()
    {
        // episode, section class, role
        { "emergency", "lcc-result-emergency", "alert" },
        { "urgent", "lcc-result-urgent", "alert" },
        { "routine", "lcc-result-routine", "status" },
        { "incomplete", "lcc-result-incomplete", "status" },
        { "ordinary", "lcc-result-none", "status" },
    };

    [Fact]
    public void Emergency_WithALegSignToo_AlsoSaysNotToRubTheLeg()
    {
        var withLegSign = Card(Details(AllRedFlagsNo() with { ChestPain = Answer.Yes, Swelling = Swelling.OneLeg }));
        var chestOnly = Card(Details(AllRedFlagsNo() with { ChestPain = Answer.Yes }));

        Assert.Contains("Do not rub, massage or heat your leg.", withLegSign.Find("section.lcc-result-emergency").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("massage", chestOnly.Find("section.lcc-result-emergency").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Emergency_ChestPain_CallNowWithTheSignSheGave()
    {
        var cut = Card(Details(AllRedFlagsNo() with { ChestPain = Answer.Yes }));

        var card = cut.Find("section.lcc-result-emergency");
        Assert.Equal("EMERGENCY", card.GetAttribute("data-level"));
        Assert.Equal("Call 999 now", Heading(card));
        var call = cut.FindLink("Call 999");
        Assert.Equal("tel:999", call.GetAttribute("href"));
        Assert.Contains("lcc-call", call.ClassList);
        Assert.Contains("Do not drive yourself.", card.TextContent, StringComparison.Ordinal);
        Assert.Contains("Because you told us:", card.TextContent, StringComparison.Ordinal);
        var reason = Assert.Single(card.QuerySelectorAll(".lcc-reasons li[data-rule]"));
        Assert.Equal("EM-2", reason.GetAttribute("data-rule"));
        Assert.Equal("You have pain in your chest or upper back. This can be a sign of a blood clot in the lung.", reason.TextContent);
        AssertSafetyNet(card, "999");
    }

    [Fact]
    public void Emergency_NumberConfiguredAs112_CallsThatNumberEverywhere()
    {
        Safety.EmergencyNumber = "112";

        var cut = Card(Details(AllRedFlagsNo() with { Fainted = Answer.Yes }));

        Assert.Equal("Call 112 now", Heading(cut.Find("section")));
        Assert.Equal("tel:112", cut.FindLink("Call 112").GetAttribute("href"));
        Assert.Contains("Do not drive yourself.", cut.Find("section").TextContent, StringComparison.Ordinal);
        AssertSafetyNet(cut.Find("section"), "112");
        // Text and links, not raw markup: element ids are random and may contain any digits.
        Assert.DoesNotContain("999", cut.Text(), StringComparison.Ordinal);
        Assert.All(cut.FindAll("a[href]"), a => Assert.DoesNotContain("999", a.GetAttribute("href")!, StringComparison.Ordinal));
    }

    [Fact]
    public void Emergency_OtherRedFlagsUnanswered_OnlyTheCallNoQuestions()
    {
        // She answered only the chest-pain question, yes: calling comes first, not more questions.
        var cut = Card(Details(new EpisodeAnswers { ChestPain = Answer.Yes }));

        var card = cut.Find("section.lcc-result-emergency");
        Assert.Equal("Call 999 now", Heading(card));
        Assert.DoesNotContain(card.QuerySelectorAll("a, button"), e => e.AccessibleName() == "Answer them now");
        Assert.DoesNotContain(StillNotAnswered, card.TextContent, StringComparison.Ordinal);
        Assert.Empty(card.QuerySelectorAll(".lcc-unanswered"));
    }

    [Fact]
    public void Urgent_OneLegSwollen_CallMaternityTriageNowWithTheReasonAndLegAdvice()
    {
        var cut = Card(Details(AllRedFlagsNo() with { Swelling = Swelling.OneLeg }));

        var card = cut.Find("section.lcc-result-urgent");
        Assert.Equal("URGENT", card.GetAttribute("data-level"));
        // W2: the heading starts with "Call", names who and ends with "now"; never "Get checked today".
        Assert.Equal("Call maternity triage now", Heading(card));
        Assert.DoesNotContain("Get checked today", card.TextContent, StringComparison.Ordinal);
        Assert.Contains("Because you told us:", card.TextContent, StringComparison.Ordinal);
        var reason = Assert.Single(card.QuerySelectorAll(".lcc-reasons li[data-rule]"));
        Assert.Equal("UR-1", reason.GetAttribute("data-rule"));
        Assert.Equal("One leg is swollen. This can be a sign of a blood clot in the leg.", reason.TextContent);
        Assert.Contains("Until you are checked, " + DoNotRubTheLeg + ".", cut.Text(), StringComparison.Ordinal);
        Assert.DoesNotContain(StillNotAnswered, card.TextContent, StringComparison.Ordinal);
        AssertSafetyNet(card, "999");
    }

    [Fact]
    public void Urgent_NoTriageNumber_SaysCallMaternityTriageWithTheFallback_AndTheButtonCallsNhs111()
    {
        var cut = Card(Details(AllRedFlagsNo() with { Swelling = Swelling.OneLeg }));

        // W1: "maternity triage", never "maternity unit", and always the fallback.
        Assert.Contains("Call maternity triage now, or your GP or NHS 111 if you can't reach them.", cut.Text(), StringComparison.Ordinal);
        Assert.DoesNotContain("maternity unit or", cut.Text(), StringComparison.Ordinal);
        // No number is made up: the button rings the fallback she is told about, and she is invited to add her unit's.
        Assert.Equal("tel:111", cut.FindLink("Call NHS 111").GetAttribute("href"));
        Assert.Equal(["tel:111", "tel:999"], cut.FindAll("a[href^='tel:']").Select(a => a.GetAttribute("href")));
        Assert.Equal("/profile#maternity-phone", cut.FindLink("Add your maternity triage phone number").GetAttribute("href"));
    }

    [Fact]
    public void Urgent_TriageNumberConfigured_CallButtonForMaternityTriage()
    {
        Safety.MaternityTriageNumber = TriageNumber;

        var cut = Card(Details(AllRedFlagsNo() with { Swelling = Swelling.OneLeg }));

        var call = cut.FindLink($"Call maternity triage: {TriageNumber}");
        Assert.Equal($"tel:{TriageNumber}", call.GetAttribute("href"));
        Assert.Contains($"Call maternity triage now on {TriageNumber}, or your GP or NHS 111 if you can't reach them.", cut.Text(), StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("a[href='/profile#maternity-phone']"));
    }

    [Fact]
    public void Urgent_PreEclampsiaSignOnly_NoLegAdvice()
    {
        // UR-11 is not a leg sign: telling her not to rub "that leg" would make no sense.
        var cut = Card(Details(AllRedFlagsNo() with { SevereHeadache = Answer.Yes }));

        var card = cut.Find("section.lcc-result-urgent");
        // W3: "now – don't wait until the morning".
        Assert.Equal("Call maternity triage now – don't wait until the morning", Heading(card));
        var reason = Assert.Single(card.QuerySelectorAll(".lcc-reasons li[data-rule]"));
        Assert.Equal("UR-11", reason.GetAttribute("data-rule"));
        Assert.Equal(
            "A severe headache, problems with your eyesight, sudden swelling of your face or hands, or severe pain below your ribs can be signs of pre-eclampsia and need checking now.",
            reason.TextContent);
        Assert.DoesNotContain(DoNotRubTheLeg, cut.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public void Urgent_RedFlagsUnanswered_UrgentActionFirstThenTheQuestions()
    {
        // She said one leg is swollen and left the other important questions.
        var id = Guid.NewGuid();
        var cut = Card(Details(new EpisodeAnswers { Swelling = Swelling.OneLeg }), id);

        var card = cut.Find("section.lcc-result-urgent");
        Assert.Equal("Call maternity triage now", Heading(card));
        Assert.Contains("Call maternity triage now, or your GP or NHS 111", card.TextContent, StringComparison.Ordinal);
        var more = card.QuerySelector(".lcc-result-more");
        Assert.NotNull(more);
        Assert.Contains(StillNotAnswered, more.TextContent, StringComparison.Ordinal);
        Assert.Equal(
            EpisodeQuestions.RedFlags.Where(q => q.Id != "one-leg-swollen").Select(q => q.Label),
            more.QuerySelectorAll(".lcc-unanswered li").Select(li => li.TextContent));
        var answerLink = cut.FindLink("Answer them now");
        Assert.Equal($"/episodes/{id}/questions", answerLink.GetAttribute("href"));
        // Beside the urgent action, answering the rest is the secondary button, not the main one.
        Assert.Contains("lcc-secondary", answerLink.ClassList);
        // The action comes before the questions.
        var text = cut.Text();
        Assert.True(
            text.IndexOf("or your GP or NHS 111", StringComparison.Ordinal) < text.IndexOf(StillNotAnswered, StringComparison.Ordinal),
            text);
    }

    [Fact]
    public void Routine_CalvesOneAndAHalfCentimetresApart_MentionItWithTheMeasuringAdvice()
    {
        var details = Details(AllRedFlagsNo());
        details.CalfDifferenceCm = 1.5m;

        var cut = Card(details);

        var card = cut.Find("section.lcc-result-routine");
        Assert.Equal("ROUTINE", card.GetAttribute("data-level"));
        Assert.Equal("false", card.GetAttribute("data-incomplete"));
        Assert.Equal("Mention it at your next appointment", Heading(card));
        var reason = Assert.Single(card.QuerySelectorAll(".lcc-reasons li[data-rule]"));
        Assert.Equal("RO-3", reason.GetAttribute("data-rule"));
        Assert.Equal(
            "Your calves measure between 1 and 2 cm apart. Measure again tomorrow at the same spot. Mention this to your midwife.",
            reason.TextContent);
        Assert.DoesNotContain(StillNotAnswered, card.TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.QueryButtons("Answer them now"));
        AssertSafetyNet(card, "999");
    }

    [Fact]
    public void Incomplete_QuickLoggedNothingAnswered_ListsTheSevenQuestionsInHerWords()
    {
        var id = Guid.NewGuid();
        var cut = Card(TestEpisodes.Episode(id).Details, id);

        var card = cut.Find("section.lcc-result-incomplete");
        Assert.Equal("true", card.GetAttribute("data-incomplete"));
        Assert.Equal("We can't check this was an ordinary cramp until you answer", Heading(card));
        Assert.Equal(
            EpisodeQuestions.RedFlags.Select(q => q.Label),
            card.QuerySelectorAll(".lcc-unanswered li").Select(li => li.TextContent));
        Assert.Equal(7, card.QuerySelectorAll(".lcc-unanswered li").Length);
        var answer = cut.FindLink("Answer them now");
        Assert.Equal($"/episodes/{id}/questions", answer.GetAttribute("href"));
        Assert.Empty(cut.QueryButtons("Answer them now"));
        // Not "Mention it at your next appointment": unanswered questions are not a flag.
        Assert.DoesNotContain("Mention it", card.TextContent, StringComparison.Ordinal);
        Assert.Empty(card.QuerySelectorAll(".lcc-reasons"));
        AssertSafetyNet(card, "999");
    }

    [Fact]
    public void Incomplete_OnAnswerNowSet_AnswerThemNowIsAButtonThatCallsIt()
    {
        var calls = 0;
        var id = Guid.NewGuid();
        var assessment = TestAssessments.For(id, TestEpisodes.Episode(id).Details);

        var cut = Render<TriageResultCard>(p => p
            .Add(c => c.Assessment, assessment)
            .Add(c => c.EpisodeId, id)
            .Add(c => c.OnAnswerNow, () => calls++));

        Assert.Empty(cut.FindAll("a[href$='/questions']"));
        cut.FindButton("Answer them now").Click();
        Assert.Equal(1, calls);
    }

    [Fact]
    public void None_TypicalCramp_OrdinaryCrampWithSelfCare()
    {
        var details = Details(TestEpisodes.AllQuickQuestionsNo() with { EasedByStretching = Answer.Yes });
        details.DurationMinutes = 2;

        var cut = Card(details);

        var card = cut.Find("section.lcc-result-none");
        Assert.Equal("NONE", card.GetAttribute("data-level"));
        Assert.Equal("This sounds like an ordinary cramp", Heading(card));
        var selfCare = card.QuerySelector(".lcc-selfcare");
        Assert.NotNull(selfCare);
        Assert.Equal("What helps right now", selfCare.QuerySelector("h3")!.TextContent);
        Assert.Contains("Straighten your leg and gently bring your toes up towards your shin.", selfCare.TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("a.lcc-call"));
        Assert.Empty(cut.QueryButtons("Answer them now"));
        AssertSafetyNet(card, "999");
    }

    [Fact]
    public void None_NotEasedByStretching_NoWarningSignButNotCalledOrdinary()
    {
        // All red flags no, but the cramp did not ease: nothing to act on, and we don't call it a typical cramp.
        var cut = Card(Details(AllRedFlagsNo()));

        var card = cut.Find("section.lcc-result-none");
        Assert.Equal("Nothing you told us is a warning sign", Heading(card));
        Assert.NotNull(card.QuerySelector(".lcc-selfcare"));
    }

    [Theory]
    [InlineData("emergency")]
    [InlineData("urgent")]
    [InlineData("routine")]
    [InlineData("incomplete")]
    [InlineData("ordinary")]
    public void EveryLevel_EndsWithTheOneLineSafetyNetThenItsGuidance(string level)
    {
        var cut = Card(DetailsFor(level));

        var card = cut.Find("section.lcc-result");
        var net = card.QuerySelector(".lcc-result-net");
        Assert.NotNull(net);
        // The safety net closes the advice; only the "read more" guidance link comes after it.
        Assert.Same(net, card.Children[^2]);
        Assert.Contains("Get help today", net.TextContent, StringComparison.Ordinal);
        Assert.Equal("tel:999", net.QuerySelector("a[href^='tel:']")?.GetAttribute("href"));
        var readMore = card.Children[^1].QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(
            level == "ordinary" ? ["/guidance/during-a-cramp", "/guidance/wall-calf-stretch"] : ["/guidance/when-to-seek-help"],
            readMore);
    }

    [Theory]
    [MemberData(nameof(Levels))]
    public void EveryLevel_AlertOnlyWhenSheMustActTodayAndTheHeadingNamesTheCard(string level, string sectionClass, string role)
    {
        var cut = Card(DetailsFor(level));

        var card = cut.Find($"section.{sectionClass}");
        Assert.Equal(role, card.GetAttribute("role"));
        Assert.Single(cut.FindAll("[role=alert], [role=status]"));
        var labelledBy = card.GetAttribute("aria-labelledby");
        Assert.False(string.IsNullOrEmpty(labelledBy));
        Assert.Equal(labelledBy, card.QuerySelector("h2")!.Id);
    }

    [Fact]
    public void UnansweredRedFlagsBesideARoutineRule_TheQuestionsComeFirstThenWhatToMention()
    {
        // Calves 1.5 cm apart (RO-3) and nothing else answered: "mention it" must not push the questions down.
        var id = Guid.NewGuid();
        var cut = Card(Details(new EpisodeAnswers()) with { CalfDifferenceCm = 1.5m }, id);

        var card = cut.Find("section.lcc-result-incomplete");
        Assert.Equal("We can't check this was an ordinary cramp until you answer", Heading(card));
        Assert.Equal(7, card.QuerySelectorAll(".lcc-unanswered li").Length);
        var answer = cut.FindLink("Answer them now");
        Assert.DoesNotContain("lcc-secondary", answer.ClassList);
        Assert.Equal("Also mention at your next appointment", card.QuerySelector("h3")!.TextContent);
        Assert.NotNull(card.QuerySelector("li[data-rule='RO-3']"));
        Assert.DoesNotContain("Nothing you told us needs help straight away", card.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void None_PainStillThereNotImproving_NoRubbingOrHeat_AndAClockTimeThatAgreesWithUr6()
    {
        // Pain 3 hours after a 02:30 cramp, assessed at 02:35 (hours given by her): S = 23:35, UR-6 at 6 h = 05:35.
        var details = Details(AllRedFlagsNo() with
        {
            PainStillThere = Answer.Yes, PainAfterImproving = Answer.No, PainSide = Side.Left,
            HeavyAche = Answer.No, PainOnWalkingOrStanding = Answer.No, PainPullingToesUp = Answer.No, Tenderness = Answer.No,
        }) with { PainAfterHours = 3m };

        var card = Card(details).Find("section.lcc-result-none");

        Assert.Contains("do not rub, massage or heat that leg", card.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Rub the tight muscle firmly", card.TextContent, StringComparison.Ordinal);
        // W5: a clock time, not "next time you open the app"; the app promises no reminder.
        Assert.DoesNotContain("next time you open the app", card.TextContent, StringComparison.Ordinal);
        Assert.Equal(
            "If the pain is still there at 05:35 today (6 hours after it started) and is not getting better, call maternity triage then. Set a reminder: the app will not remind you.",
            card.QuerySelector("[data-testid=pain-clock]")!.TextContent);
    }

    [Fact]
    public void PainStillThere_WhichLegNotAnswered_SaysSoOnTheCardWithoutChangingTheLevel()
    {
        var details = Details(AllRedFlagsNo() with
        {
            PainStillThere = Answer.Yes, PainAfterImproving = Answer.Yes,
            HeavyAche = Answer.No, PainOnWalkingOrStanding = Answer.No, PainPullingToesUp = Answer.No, Tenderness = Answer.No,
        }) with { PainAfterHours = 1m };

        var card = Card(details).Find("section.lcc-result");

        Assert.Equal("NONE", card.GetAttribute("data-level"));
        Assert.Contains(PatientWording.PainSideUnanswered, card.QuerySelector("[data-testid=not-answered-yet]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void PainQuestionNotAnswered_SaysSoOnEveryResultEvenAnOrdinaryOne()
    {
        var details = Details(AllRedFlagsNo() with { EasedByStretching = Answer.Yes, PainStillThere = Answer.NotAnswered }) with { DurationMinutes = 2 };

        var cut = Card(details);

        Assert.Equal("NONE", cut.Find("section.lcc-result").GetAttribute("data-level"));
        Assert.Contains(PatientWording.PainStillThereUnanswered, cut.Find("[data-testid=not-answered-yet]").TextContent, StringComparison.Ordinal);
        Assert.NotEmpty(cut.FindAll("a[href$='/questions']"));
    }

    [Fact]
    public void MoreThanThreeReasons_ShowsThreeHighestFirst_TheRestBehindMore()
    {
        // Racing heart, breathless on exertion, light-headed, pain still there: EM-5, UR-15 … UR-19, RO-5?, RO-6.
        var details = Details(AllRedFlagsNo() with
        {
            RacingHeart = Answer.Yes, GradualBreathlessness = Answer.Yes, Dizziness = Answer.Yes, PainStillThere = Answer.Yes,
            PainAfterImproving = Answer.Yes, HeavyAche = Answer.No, PainOnWalkingOrStanding = Answer.No, PainPullingToesUp = Answer.No,
            Tenderness = Answer.No,
        }) with { PainAfterHours = 1m };

        var card = Card(details).Find("section.lcc-result-emergency");

        var shown = card.QuerySelectorAll(":scope > .lcc-reasons li[data-rule]").Select(li => li.GetAttribute("data-rule")).ToList();
        Assert.Equal(["EM-5", "UR-15", "UR-16"], shown);
        var more = card.QuerySelector("details.lcc-more-reasons");
        Assert.NotNull(more);
        Assert.Equal("More", more.QuerySelector("summary")!.TextContent);
        Assert.Contains("UR-17", more.QuerySelectorAll("li[data-rule]").Select(li => li.GetAttribute("data-rule")));
    }

    [Fact]
    public void Reassessment_UrgentUnderANewRuleSet_ConditionalWordingAndNoClock()
    {
        var id = Guid.NewGuid();
        var details = Details(AllRedFlagsNo() with { PainStillThere = Answer.Yes, PainAfterImproving = Answer.No,
            HeavyAche = Answer.No, PainOnWalkingOrStanding = Answer.No, PainPullingToesUp = Answer.No, Tenderness = Answer.No }) with { PainAfterHours = 7m };
        var assessment = TestAssessments.For(id, details, AssessmentReason.RuleSetUpgrade);

        var card = Render<TriageResultCard>(p => p.Add(c => c.Assessment, assessment).Add(c => c.EpisodeId, id)).Find("section.lcc-result-urgent");

        Assert.Equal("Call maternity triage now", Heading(card));
        Assert.Contains(
            "If you still have this pain or these symptoms now, call maternity triage now, or your GP or NHS 111 if you can't reach them.",
            card.TextContent, StringComparison.Ordinal);
        Assert.Null(card.QuerySelector("[data-testid=pain-clock]"));
    }

    [Fact]
    public void Past_UrgentResult_SaysWhenItWasGivenAndIsNotAnAlert()
    {
        var id = Guid.NewGuid();
        var assessment = TestAssessments.For(id, DetailsFor("urgent"));

        var cut = Render<TriageResultCard>(p => p.Add(c => c.Assessment, assessment).Add(c => c.EpisodeId, id).Add(c => c.IsPast, true));

        var card = cut.Find("section.lcc-result-urgent");
        Assert.Equal("status", card.GetAttribute("role"));
        Assert.StartsWith("The advice given on Friday 20 November at 02:35.", card.QuerySelector(".lcc-result-when")!.TextContent, StringComparison.Ordinal);
    }

    private IRenderedComponent<TriageResultCard> Card(EpisodeDetails details, Guid? episodeId = null)
    {
        var id = episodeId ?? Guid.NewGuid();
        var assessment = TestAssessments.For(id, details, contacts: Safety.ContactsFor(null));
        return Render<TriageResultCard>(p => p.Add(c => c.Assessment, assessment).Add(c => c.EpisodeId, id));
    }

    private static EpisodeDetails DetailsFor(string level) => level switch
    {
        "emergency" => Details(AllRedFlagsNo() with { ChestPain = Answer.Yes }),
        "urgent" => Details(AllRedFlagsNo() with { Swelling = Swelling.OneLeg }),
        "routine" => Details(AllRedFlagsNo()) with { CalfDifferenceCm = 1.5m },
        "incomplete" => Details(new EpisodeAnswers()),
        "ordinary" => Details(TestEpisodes.AllQuickQuestionsNo() with { EasedByStretching = Answer.Yes }) with { DurationMinutes = 2 },
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, null),
    };

    /// <summary>A left-leg cramp at 02:30, as the details page stores it.</summary>
    private static EpisodeDetails Details(EpisodeAnswers answers) =>
        TestEpisodes.Episode(side: Side.Left, answers: answers).Details;

    /// <summary>Every question of the quick screen answered no ("one leg swollen?": no).</summary>
    private static EpisodeAnswers AllRedFlagsNo() => TestEpisodes.AllQuickQuestionsNo();

    private static string Heading(IElement card) => card.QuerySelector("h2")!.TextContent;

    private static void AssertSafetyNet(IElement card, string emergencyNumber)
    {
        var net = card.QuerySelector(".lcc-result-net");
        Assert.NotNull(net);
        Assert.Contains("Get help today", net.TextContent, StringComparison.Ordinal);
        Assert.Equal($"tel:{emergencyNumber}", net.QuerySelector("a")?.GetAttribute("href"));
    }
}
