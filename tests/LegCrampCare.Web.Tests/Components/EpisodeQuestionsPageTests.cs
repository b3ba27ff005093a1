using Bunit;
using LegCrampCare.Core.Common;
using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;
using LegCrampCare.Core.Features.Episodes;
using LegCrampCare.Web.Components.Pages.Episodes;
using LegCrampCare.Web.Tests.Components.Fakes;

namespace LegCrampCare.Web.Tests.Components;

public sealed class EpisodeQuestionsPageTests : ComponentTestBase
{
    private const string SuddenBreathlessness = "Are you suddenly short of breath, or breathless even when resting?";
    private const string ChestPain = "Do you have pain in your chest or upper back?";
    private const string UsualBreathlessness = "Do you get your usual breathlessness when you walk or climb stairs?";
    private const string StillUnanswered = "We can't check this was an ordinary cramp";

    /// <summary>The red-flag questions (clinical README §1, principle 2): they must come first.</summary>
    private static readonly string[] RedFlagQuestions =
    [
        SuddenBreathlessness,
        ChestPain,
        "Are you coughing up blood?",
        "Have you fainted or passed out?",
        "Is one leg swollen?",
        "Is the skin of a calf or thigh red or darker than usual?",
        "Does a calf or thigh feel warm to the touch?",
    ];

    [Fact]
    public void Questions_Rendered_RedFlagsComeFirst()
    {
        var episode = Episodes.Add(TestEpisodes.Episode());

        var cut = Render<EpisodeQuestionsPage>(p => p.Add(c => c.Id, episode.Id));

        var legends = cut.QuestionLegends();
        Assert.Equal(SuddenBreathlessness, legends[0]);
        Assert.Equal(RedFlagQuestions.Order(), legends.Take(RedFlagQuestions.Length).Order());
        Assert.True(legends.ToList().IndexOf(UsualBreathlessness) >= RedFlagQuestions.Length);
        // Seven warning signs, then breathlessness, "more than 10 minutes?", eased, pain still there.
        Assert.Equal(11, legends.Count);
        Assert.Contains("Did it last more than 10 minutes?", legends);
    }

    [Fact]
    public void PainStillThereYes_AsksWhichLegAndTheFourQuestionsAboutThatPain()
    {
        var episode = Episodes.Add(TestEpisodes.Episode());
        var cut = Render<EpisodeQuestionsPage>(p => p.Add(c => c.Id, episode.Id));
        Assert.DoesNotContain("Which leg still hurts?", cut.QuestionLegends());

        cut.FindQuestion("Is there still pain now the cramp has gone?").ButtonIn("Yes").Click();

        var legends = cut.QuestionLegends();
        Assert.Contains("Which leg still hurts?", legends);
        Assert.Contains("Does the leg feel heavy or achy?", legends);
        Assert.Contains("Does it hurt when you press along the back of your calf or thigh?", legends);
        cut.FindQuestion("Which leg still hurts?").ButtonIn("Left").Click();
        cut.FindButton("Save answers").Click();
        Assert.Equal(Side.Left, Assert.Single(Episodes.UpdateCalls).Details.Answers.PainSide);
    }

    [Fact]
    public void Save_QuickAnswersOfAnOrdinaryCramp_NotLongerThan10Minutes_SaysOrdinaryCramp()
    {
        // 2026.2 (D50): the quick "no" to "one leg swollen", "not longer than 10 minutes", eased: an ordinary cramp.
        var episode = Episodes.Add(TestEpisodes.Episode());
        var cut = Render<EpisodeQuestionsPage>(p => p.Add(c => c.Id, episode.Id));
        foreach (var legend in cut.QuestionLegends())
        {
            cut.FindQuestion(legend).ButtonIn(legend == "Did the cramp ease when you stretched, rubbed or walked?" ? "Yes" : "No").Click();
        }

        cut.FindButton("Save answers").Click();

        Assert.Equal("This sounds like an ordinary cramp", cut.Find("section.lcc-result-none h2").TextContent);
    }

    [Fact]
    public void Page_Loaded_SaysWhichCramp()
    {
        var episode = Episodes.Add(TestEpisodes.Episode(side: Side.Right));

        var cut = Render<EpisodeQuestionsPage>(p => p.Add(c => c.Id, episode.Id));

        Assert.Equal("A few quick questions", cut.Find("h1").TextContent);
        Assert.Contains("About your right leg cramp at 02:30 (Friday 20 November).", cut.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public void Questions_AlreadyAnswered_ShowTheStoredAnswers()
    {
        var episode = Episodes.Add(TestEpisodes.Episode(answers: new EpisodeAnswers { Fainted = Answer.No, Swelling = Swelling.WholeLeg }));

        var cut = Render<EpisodeQuestionsPage>(p => p.Add(c => c.Id, episode.Id));

        Assert.True(cut.FindQuestion("Have you fainted or passed out?").ButtonIn("No").IsPressed());
        Assert.True(cut.FindQuestion("Is one leg swollen?").ButtonIn("Yes").IsPressed());
        Assert.False(cut.FindQuestion(ChestPain).ButtonIn("Yes").IsPressed());
    }

    [Fact]
    public void Yes_Tapped_IsPressed()
    {
        var episode = Episodes.Add(TestEpisodes.Episode());
        var cut = Render<EpisodeQuestionsPage>(p => p.Add(c => c.Id, episode.Id));

        cut.FindQuestion(ChestPain).ButtonIn("Yes").Click();

        Assert.Equal("true", cut.FindQuestion(ChestPain).ButtonIn("Yes").GetAttribute("aria-pressed"));
        Assert.Equal("false", cut.FindQuestion(ChestPain).ButtonIn("No").GetAttribute("aria-pressed"));
        Assert.Empty(Episodes.UpdateCalls);
    }

    [Fact]
    public void Yes_TappedTwice_IsCleared()
    {
        var episode = Episodes.Add(TestEpisodes.Episode());
        var cut = Render<EpisodeQuestionsPage>(p => p.Add(c => c.Id, episode.Id));

        cut.FindQuestion(ChestPain).ButtonIn("Yes").Click();
        cut.FindQuestion(ChestPain).ButtonIn("Yes").Click();

        Assert.Equal("false", cut.FindQuestion(ChestPain).ButtonIn("Yes").GetAttribute("aria-pressed"));
        Assert.Equal("false", cut.FindQuestion(ChestPain).ButtonIn("No").GetAttribute("aria-pressed"));
    }

    [Fact]
    public void Save_Clicked_SendsTheAnswersThroughUpdate()
    {
        var episode = Episodes.Add(TestEpisodes.Episode(durationMinutes: 3));
        var cut = Render<EpisodeQuestionsPage>(p => p.Add(c => c.Id, episode.Id));

        cut.FindQuestion(ChestPain).ButtonIn("Yes").Click();
        cut.FindButton("Save answers").Click();

        var request = Assert.Single(Episodes.UpdateCalls);
        Assert.Equal(episode.Id, request.EpisodeId);
        Assert.Equal(new EpisodeAnswers { ChestPain = Answer.Yes }, request.Details.Answers);
        Assert.Equal(episode.Details with { Answers = request.Details.Answers }, request.Details);
    }

    [Fact]
    public void Save_OneLegSwollenYes_SendsOneLegSwelling()
    {
        var episode = Episodes.Add(TestEpisodes.Episode());
        var cut = Render<EpisodeQuestionsPage>(p => p.Add(c => c.Id, episode.Id));

        cut.FindQuestion("Is one leg swollen?").ButtonIn("Yes").Click();
        cut.FindButton("Save answers").Click();

        Assert.Equal(Swelling.OneLeg, Assert.Single(Episodes.UpdateCalls).Details.Answers.Swelling);
    }

    [Fact]
    public void Save_RedFlagUnanswered_SaysWeCannotCheckYet()
    {
        var episode = Episodes.Add(TestEpisodes.Episode());
        var cut = Render<EpisodeQuestionsPage>(p => p.Add(c => c.Id, episode.Id));

        cut.FindQuestion(ChestPain).ButtonIn("No").Click();
        cut.FindButton("Save answers").Click();

        Assert.Contains(cut.FindAllByRole("status"), s => s.TextContent.Contains("Your answers are saved.", StringComparison.Ordinal));
        var result = cut.Find("section.lcc-result[data-incomplete=true]");
        Assert.Equal("We can't check this was an ordinary cramp until you answer", result.QuerySelector("h2")!.TextContent);
        var unanswered = result.QuerySelectorAll(".lcc-unanswered li").Select(li => li.TextContent).ToList();
        Assert.Contains("Are you suddenly short of breath, or breathless even when resting?", unanswered);
        Assert.DoesNotContain(ChestPain, unanswered);
        Assert.Equal(6, unanswered.Count);
        Assert.Contains("Call 999", result.TextContent, StringComparison.Ordinal); // the safety net is on every result
        Assert.Single(cut.QueryButtons("Answer them now"));
    }

    [Fact]
    public void AnswerThemNow_Clicked_ShowsTheQuestionsWithTheAnswersKept()
    {
        var episode = Episodes.Add(TestEpisodes.Episode());
        var cut = Render<EpisodeQuestionsPage>(p => p.Add(c => c.Id, episode.Id));
        cut.FindQuestion(ChestPain).ButtonIn("No").Click();
        cut.FindButton("Save answers").Click();

        cut.FindButton("Answer them now").Click();

        Assert.True(cut.FindQuestion(ChestPain).ButtonIn("No").IsPressed());
        Assert.Single(cut.QueryButtons("Save answers"));
    }

    [Fact]
    public void Save_AllAnswered_DoesNotAskForMore()
    {
        var episode = Episodes.Add(TestEpisodes.Episode());
        var cut = Render<EpisodeQuestionsPage>(p => p.Add(c => c.Id, episode.Id));

        foreach (var legend in cut.QuestionLegends())
        {
            cut.FindQuestion(legend).ButtonIn("No").Click();
        }

        cut.FindButton("Save answers").Click();

        // "No" to one swollen leg is stored as that, not as "no swelling at all" (both ankles were not asked).
        Assert.Equal(TestEpisodes.AllQuickQuestionsNo() with { Swelling = Swelling.NotOneLeg, CrampOver10Minutes = Answer.No },
            Assert.Single(Episodes.UpdateCalls).Details.Answers);
        Assert.DoesNotContain(StillUnanswered, cut.Text(), StringComparison.Ordinal);
        Assert.Empty(cut.QueryButtons("Answer them now"));
    }

    [Fact]
    public void Save_NoRedFlag_OffersDetailsOrDoneAndMovesFocusThere()
    {
        var episode = Episodes.Add(TestEpisodes.Episode());
        var cut = Render<EpisodeQuestionsPage>(p => p.Add(c => c.Id, episode.Id));

        cut.FindButton("Save answers").Click();

        // The general safety net is in the page footer (App.razor); here she gets her next step.
        Assert.Equal($"/episodes/{episode.Id}", cut.FindLink("Add more details").GetAttribute("href"));
        Assert.Equal("/", cut.FindLink("Done").GetAttribute("href"));
        cut.WaitForAssertion(() => Assert.Contains(JSInterop.Invocations, i => i.Identifier == "lcc.focus" && (string?)i.Arguments[0] == "after-save"));
    }

    [Fact]
    public void Save_RedFlagYes_CallButtonUsesTheConfiguredNumber()
    {
        Safety.EmergencyNumber = "112";
        var episode = Episodes.Add(TestEpisodes.Episode());
        var cut = Render<EpisodeQuestionsPage>(p => p.Add(c => c.Id, episode.Id));

        cut.FindQuestion("Have you fainted or passed out?").ButtonIn("Yes").Click();
        cut.FindButton("Save answers").Click();

        Assert.Equal("tel:112", cut.FindLink("Call 112").GetAttribute("href"));
    }

    [Fact]
    public void SaveAnswers_TappedTwiceWhileSaving_SavesOnce()
    {
        var episode = Episodes.Add(TestEpisodes.Episode());
        var pending = new TaskCompletionSource<ServiceResult<EpisodeDto>>();
        Episodes.OnUpdate = _ => pending.Task;
        var cut = Render<EpisodeQuestionsPage>(p => p.Add(c => c.Id, episode.Id));

        cut.FindButton("Save answers").Click();
        Assert.True(cut.FindButton("Save answers").IsDisabled());
        Assert.True(cut.FindQuestion(ChestPain).ButtonIn("Yes").IsDisabled());
        cut.FindButton("Save answers").Click();
        pending.SetResult(ServiceResult<EpisodeDto>.Ok(episode));

        cut.WaitForAssertion(() => Assert.Contains("Your answers are saved.", cut.Text(), StringComparison.Ordinal));
        Assert.Single(Episodes.UpdateCalls);
    }

    [Fact]
    public void Save_NotFound_SaysTheCrampCouldNotBeFound()
    {
        var episode = Episodes.Add(TestEpisodes.Episode());
        var cut = Render<EpisodeQuestionsPage>(p => p.Add(c => c.Id, episode.Id));
        Episodes.OnUpdate = _ => Task.FromResult(ServiceResult<EpisodeDto>.NotFound());

        cut.FindButton("Save answers").Click();

        Assert.Equal("This cramp could not be found. It may have been deleted.", Assert.Single(cut.FindAllByRole("alert")).TextContent);
        Assert.Empty(cut.FindAll("a[href^='tel:']"));
    }

    [Fact]
    public void Save_Invalid_ShowsTheMessages()
    {
        var episode = Episodes.Add(TestEpisodes.Episode());
        var cut = Render<EpisodeQuestionsPage>(p => p.Add(c => c.Id, episode.Id));
        Episodes.OnUpdate = _ => Task.FromResult(ServiceResult<EpisodeDto>.Invalid(
            nameof(EpisodeDetails.StartedAtLocal), "The start can't be in the future."));

        cut.FindButton("Save answers").Click();

        Assert.Equal("The start can't be in the future.", Assert.Single(cut.FindAllByRole("alert")).TextContent);
        Assert.Single(cut.QueryButtons("Save answers"));
    }

    [Fact]
    public void GetAsync_NotFound_ShowsNotFound()
    {
        var cut = Render<EpisodeQuestionsPage>(p => p.Add(c => c.Id, Guid.NewGuid()));

        Assert.Equal("Not found", cut.Find("h1").TextContent);
        Assert.Empty(cut.QueryButtons("Save answers"));
    }

    [Fact]
    public void Save_ChestPainYes_LeadsWithCallEmergencyAndDoNotDrive()
    {
        var episode = Episodes.Add(TestEpisodes.Episode());
        var cut = Render<EpisodeQuestionsPage>(p => p.Add(c => c.Id, episode.Id));

        cut.FindQuestion(ChestPain).ButtonIn("Yes").Click();
        cut.FindButton("Save answers").Click();

        var alert = cut.Find("section.lcc-result-emergency[role=alert]");
        Assert.Equal("Call 999 now", alert.QuerySelector("h2")!.TextContent);
        Assert.Contains("You have pain in your chest or upper back.", alert.TextContent, StringComparison.Ordinal);
        Assert.Contains("Do not drive yourself.", alert.TextContent, StringComparison.Ordinal);
        Assert.Equal("tel:999", alert.QuerySelector("a.lcc-call")!.GetAttribute("href"));
    }

    [Fact]
    public void Save_OneLegSwollenYes_SaysCallMaternityTriageNow()
    {
        var episode = Episodes.Add(TestEpisodes.Episode());
        var cut = Render<EpisodeQuestionsPage>(p => p.Add(c => c.Id, episode.Id));

        cut.FindQuestion("Is one leg swollen?").ButtonIn("Yes").Click();
        cut.FindButton("Save answers").Click();

        var alert = cut.Find("section.lcc-result-urgent[role=alert]");
        Assert.Equal("Call maternity triage now", alert.QuerySelector("h2")!.TextContent);
        Assert.Contains("One leg is swollen.", alert.TextContent, StringComparison.Ordinal);
        Assert.Contains("do not rub, massage or heat that leg", alert.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Save_AllNo_NoUrgentAdvice()
    {
        var episode = Episodes.Add(TestEpisodes.Episode());
        var cut = Render<EpisodeQuestionsPage>(p => p.Add(c => c.Id, episode.Id));
        foreach (var legend in cut.QuestionLegends())
        {
            cut.FindQuestion(legend).ButtonIn("No").Click();
        }

        cut.FindButton("Save answers").Click();

        Assert.Empty(cut.FindAll("section.lcc-result[role=alert]"));
        var result = cut.Find("section.lcc-result-none");
        Assert.Contains("Straighten your leg and gently bring your toes up towards your shin.", result.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Save_EmergencySignWithOthersUnanswered_OnlyTheCallAction()
    {
        var episode = Episodes.Add(TestEpisodes.Episode());
        var cut = Render<EpisodeQuestionsPage>(p => p.Add(c => c.Id, episode.Id));
        cut.FindQuestion(ChestPain).ButtonIn("Yes").Click();

        cut.FindButton("Save answers").Click();

        Assert.Equal("Call 999 now", cut.Find("section.lcc-result-emergency h2").TextContent);
        Assert.Empty(cut.QueryButtons("Answer them now"));
        Assert.DoesNotContain(cut.FindAll("a"), a => a.TextContent == "Add more details");
    }

    private static readonly System.Text.Json.JsonSerializerOptions WebJson = LegCrampCare.Web.Offline.DeviceDraft<EpisodeAnswers>.Json;

    [Fact]
    public void Questions_ADraftOnTheDevice_GivesBackTheUnsavedAnswers_WithANote_AndSavingDeletesIt()
    {
        var episode = Episodes.Add(TestEpisodes.Episode());
        var draft = System.Text.Json.JsonSerializer.Serialize(
            new EpisodeAnswers { Swelling = Swelling.OneLeg, Fainted = Answer.No }, WebJson);
        JSInterop.Setup<LegCrampCare.Web.Offline.DeviceDraft<EpisodeAnswers>.StoredDraft?>("lcc.drafts.load", _ => true)
            .SetResult(new(draft, 1_700_000_000_000));
        var cleared = JSInterop.SetupVoid("lcc.drafts.clear", _ => true);

        var cut = Render<EpisodeQuestionsPage>(p => p.Add(c => c.Id, episode.Id));

        cut.WaitForAssertion(() => Assert.True(cut.FindQuestion("Is one leg swollen?").ButtonIn("Yes").IsPressed()));
        Assert.True(cut.FindQuestion("Have you fainted or passed out?").ButtonIn("No").IsPressed());
        Assert.Contains("We kept the answers you gave before the connection dropped.", cut.Find("[data-testid=draft-restored]").TextContent, StringComparison.Ordinal);

        cut.FindButton("Save answers").Click();

        cut.WaitForAssertion(() => Assert.Contains("Your answers are saved.", cut.Markup, StringComparison.Ordinal));
        Assert.Equal(Swelling.OneLeg, Assert.Single(Episodes.UpdateCalls).Details.Answers.Swelling);
        var key = Assert.Single(cleared.Invocations).Arguments[0] as string;
        Assert.StartsWith("lcc-draft:", key, StringComparison.Ordinal);
        Assert.EndsWith($":questions:{episode.Id:N}", key, StringComparison.Ordinal);
        Assert.DoesNotContain("patient@example.org", key, StringComparison.Ordinal);
    }

    [Fact]
    public void Questions_ADraftBegunBeforeANewerSave_IsDropped_NeverUndoingIt()
    {
        // The draft was begun when chest pain was unanswered; since then "Yes" was saved (from the quick log, say).
        var episode = Episodes.Add(TestEpisodes.Episode(answers: new EpisodeAnswers { ChestPain = Answer.Yes }));
        var draft = System.Text.Json.JsonSerializer.Serialize(new EpisodeAnswers { ChestPain = Answer.No }, WebJson);
        var begunOn = System.Text.Json.JsonSerializer.Serialize(new EpisodeAnswers(), WebJson);
        JSInterop.Setup<LegCrampCare.Web.Offline.DeviceDraft<EpisodeAnswers>.StoredDraft?>("lcc.drafts.load", _ => true)
            .SetResult(new(draft, 1_700_000_000_000, begunOn));
        var cleared = JSInterop.SetupVoid("lcc.drafts.clear", _ => true);

        var cut = Render<EpisodeQuestionsPage>(p => p.Add(c => c.Id, episode.Id));

        cut.WaitForAssertion(() => Assert.Single(cleared.Invocations));
        Assert.True(cut.FindQuestion(ChestPain).ButtonIn("Yes").IsPressed());
        Assert.Empty(cut.FindAll("[data-testid=draft-restored]"));
    }

    [Fact]
    public void Questions_EachAnswer_IsKeptOnTheDevice()
    {
        var episode = Episodes.Add(TestEpisodes.Episode());
        var saves = JSInterop.SetupVoid("lcc.drafts.save", _ => true);

        var cut = Render<EpisodeQuestionsPage>(p => p.Add(c => c.Id, episode.Id));
        cut.FindQuestion("Do you have pain in your chest or upper back?").ButtonIn("Yes").Click();

        cut.WaitForAssertion(() => Assert.NotEmpty(saves.Invocations));
        var kept = (string)saves.Invocations.Last().Arguments[1]!;
        Assert.Equal(Answer.Yes, System.Text.Json.JsonSerializer.Deserialize<EpisodeAnswers>(kept, WebJson)!.ChestPain);
    }
}
