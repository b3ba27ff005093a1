using Bunit;
using LegCrampCare.Core.Common;
using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;
using LegCrampCare.Core.Features.Episodes;
using LegCrampCare.Web.Components.Pages.Episodes;
using LegCrampCare.Web.Tests.Components.Fakes;

namespace LegCrampCare.Web.Tests.Components;

public sealed class QuickLogTests : ComponentTestBase
{
    [Fact]
    public void QuickLog_Initially_ShowsOnlyLogACrampButton()
    {
        var cut = Render<QuickLog>();

        var button = Assert.Single(cut.Buttons());
        Assert.Equal("Log a cramp", button.AccessibleName());
        Assert.Empty(Episodes.QuickLogCalls);
    }

    [Fact]
    public void LogACramp_Click_ShowsLeftRightAndBoth()
    {
        var cut = Render<QuickLog>();

        cut.FindButton("Log a cramp").Click();

        var group = cut.Find("[role=group]");
        Assert.StartsWith("Which leg?", cut.Find($"[id='{group.GetAttribute("aria-labelledby")}']").TextContent, StringComparison.Ordinal);
        Assert.Equal(["Left", "Right", "Both"], group.QuerySelectorAll("button").Select(b => b.AccessibleName()));
        Assert.True(cut.FindButton("Just now").IsPressed());
        Assert.Empty(cut.QueryButtons("Log a cramp"));
    }

    [Fact]
    public void Left_Click_SavesOnceWithLeftNowAndNewEpisodeId()
    {
        var cut = Render<QuickLog>();
        cut.FindButton("Log a cramp").Click();

        cut.FindButton("Left").Click();

        var request = Assert.Single(Episodes.QuickLogCalls);
        Assert.Equal(Side.Left, request.Side);
        Assert.Equal(QuickLogTime.Now, request.When);
        Assert.Null(request.CustomStartLocal);
        Assert.NotEqual(Guid.Empty, request.EpisodeId);
    }

    [Fact]
    public void Left_Saved_ShowsSavedWithUndo()
    {
        var cut = Render<QuickLog>();
        cut.FindButton("Log a cramp").Click();

        cut.FindButton("Left").Click();

        // Only the confirmation is announced; the ticking Undo countdown is outside the live region.
        var status = Assert.Single(cut.FindAllByRole("status"));
        Assert.Equal("Saved. Left leg cramp at 02:30.", status.AccessibleName());
        Assert.Empty(status.QuerySelectorAll("button"));
        var undo = cut.FindButton("Undo: remove this cramp (10 seconds left)");
        Assert.Equal("Undo (10)", undo.TextContent);
        Assert.Equal($"/episodes/{Episodes.QuickLogCalls[0].EpisodeId}/questions", cut.FindLink("Answer now").GetAttribute("href"));
    }

    [Fact]
    public void Saved_RaisesOnChanged()
    {
        var changed = 0;
        var cut = Render<QuickLog>(p => p.Add(c => c.OnChanged, () => changed++));
        cut.FindButton("Log a cramp").Click();

        cut.FindButton("Both").Click();

        Assert.Equal(1, changed);
        Assert.Equal(Side.Both, Assert.Single(Episodes.QuickLogCalls).Side);
    }

    [Fact]
    public void SideButtons_WhileSaving_AreDisabledAndASecondTapDoesNotSaveTwice()
    {
        var pending = new TaskCompletionSource<ServiceResult<EpisodeDto>>();
        Episodes.OnQuickLog = _ => pending.Task;
        var cut = Render<QuickLog>();
        cut.FindButton("Log a cramp").Click();

        cut.FindButton("Left").Click();
        Assert.All(["Left", "Right", "Both"], name => Assert.True(cut.FindButton(name).IsDisabled()));
        cut.FindButton("Right").Click();

        var request = Assert.Single(Episodes.QuickLogCalls);
        pending.SetResult(ServiceResult<EpisodeDto>.Ok(TestEpisodes.Episode(request.EpisodeId, request.Side)));
        cut.WaitForAssertion(() => Assert.Contains("Saved. Left leg cramp", cut.Text(), StringComparison.Ordinal));
        Assert.Single(Episodes.QuickLogCalls);
    }

    [Fact]
    public void Retry_AfterErrorResult_ReusesTheSameEpisodeId()
    {
        var answers = new Queue<ServiceResult<EpisodeDto>>(
        [
            ServiceResult<EpisodeDto>.Invalid("Side", "Please choose which leg."),
        ]);
        var defaultQuickLog = Episodes.OnQuickLog;
        Episodes.OnQuickLog = r => answers.TryDequeue(out var first) ? Task.FromResult(first) : defaultQuickLog(r);
        var cut = Render<QuickLog>();
        cut.FindButton("Log a cramp").Click();

        cut.FindButton("Left").Click();
        cut.FindButton("Left").Click();

        Assert.Equal(2, Episodes.QuickLogCalls.Count);
        Assert.Equal(Episodes.QuickLogCalls[0].EpisodeId, Episodes.QuickLogCalls[1].EpisodeId);
        Assert.Contains("Saved.", cut.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public void LogACramp_AgainAfterUndo_UsesANewEpisodeId()
    {
        var cut = Render<QuickLog>();
        cut.FindButton("Log a cramp").Click();
        cut.FindButton("Left").Click();
        cut.FindButton("Undo", exact: false).Click();

        cut.FindButton("Log a cramp").Click();
        cut.FindButton("Right").Click();

        Assert.Equal(2, Episodes.QuickLogCalls.Count);
        Assert.NotEqual(Episodes.QuickLogCalls[0].EpisodeId, Episodes.QuickLogCalls[1].EpisodeId);
    }

    [Fact]
    public void Undo_Click_DeletesThatEpisodeAndShowsRemoved()
    {
        var cut = Render<QuickLog>();
        cut.FindButton("Log a cramp").Click();
        cut.FindButton("Left").Click();

        cut.FindButton("Undo", exact: false).Click();

        Assert.Equal([Episodes.QuickLogCalls[0].EpisodeId], Episodes.DeleteCalls);
        Assert.Contains("Removed. That cramp was not saved.", cut.Text(), StringComparison.Ordinal);
        Assert.DoesNotContain("Saved.", cut.Text(), StringComparison.Ordinal);
        Assert.Empty(cut.QueryButtons("Undo", exact: false));
        Assert.Single(cut.QueryButtons("Log a cramp"));
    }

    [Fact]
    public void Undo_TappedTwiceWhileRemoving_DeletesOnce()
    {
        var pending = new TaskCompletionSource<ServiceResult<bool>>();
        Episodes.OnDelete = _ => pending.Task;
        var cut = Render<QuickLog>();
        cut.FindButton("Log a cramp").Click();
        cut.FindButton("Left").Click();

        cut.FindButton("Undo", exact: false).Click();
        Assert.True(cut.FindButton("Undo", exact: false).IsDisabled());
        cut.FindButton("Undo", exact: false).Click();
        pending.SetResult(ServiceResult<bool>.Ok(true));

        cut.WaitForAssertion(() => Assert.Contains("Removed.", cut.Text(), StringComparison.Ordinal));
        Assert.Single(Episodes.DeleteCalls);
    }

    [Fact]
    public void Undo_CountsDownEachSecond()
    {
        var cut = Render<QuickLog>();
        cut.FindButton("Log a cramp").Click();
        cut.FindButton("Left").Click();

        Time.Advance(TimeSpan.FromSeconds(3));

        cut.WaitForAssertion(() => Assert.Equal("Undo (7)", cut.FindButton("Undo", exact: false).TextContent));
    }

    [Fact]
    public void Undo_AfterTenSeconds_IsGone()
    {
        var cut = Render<QuickLog>();
        cut.FindButton("Log a cramp").Click();
        cut.FindButton("Left").Click();

        Time.Advance(TimeSpan.FromSeconds(9));
        cut.WaitForAssertion(() => Assert.Equal("Undo (1)", cut.FindButton("Undo", exact: false).TextContent));
        Time.Advance(TimeSpan.FromSeconds(1));

        cut.WaitForAssertion(() => Assert.Empty(cut.QueryButtons("Undo", exact: false)));
        Assert.Contains("Saved.", cut.Text(), StringComparison.Ordinal);
        Assert.Contains("To remove it, open it from your history.", cut.Text(), StringComparison.Ordinal);
        Assert.Empty(Episodes.DeleteCalls);
    }

    [Fact]
    public void FewMinutesAgo_Chosen_SendsFewMinutesAgo()
    {
        var cut = Render<QuickLog>();
        cut.FindButton("Log a cramp").Click();

        cut.FindButton("A few minutes ago").Click();
        Assert.True(cut.FindButton("A few minutes ago").IsPressed());
        Assert.False(cut.FindButton("Just now").IsPressed());
        cut.FindButton("Right").Click();

        var request = Assert.Single(Episodes.QuickLogCalls);
        Assert.Equal(QuickLogTime.FewMinutesAgo, request.When);
        Assert.Equal(Side.Right, request.Side);
    }

    [Fact]
    public void Earlier_WithDateAndTime_SendsCustomStart()
    {
        var cut = Render<QuickLog>();
        cut.FindButton("Log a cramp").Click();

        cut.FindButton("Earlier…").Click();
        cut.FindByLabel("Date and time it started").Change("2026-11-19T23:45");
        cut.FindButton("Left").Click();

        var request = Assert.Single(Episodes.QuickLogCalls);
        Assert.Equal(QuickLogTime.Custom, request.When);
        Assert.Equal(new DateTime(2026, 11, 19, 23, 45, 0, DateTimeKind.Unspecified), request.CustomStartLocal);
    }

    [Fact]
    public void Invalid_Result_ShowsMessageAsAlertAndNotSaved()
    {
        const string message = "The start can't be in the future.";
        Episodes.OnQuickLog = _ => Task.FromResult(ServiceResult<EpisodeDto>.Invalid("CustomStartLocal", message));
        var cut = Render<QuickLog>();
        cut.FindButton("Log a cramp").Click();

        cut.FindButton("Left").Click();

        var alert = Assert.Single(cut.FindAllByRole("alert"));
        Assert.Equal(message, alert.TextContent);
        Assert.DoesNotContain("Saved.", cut.Text(), StringComparison.Ordinal);
        Assert.Empty(cut.QueryButtons("Undo", exact: false));
        Assert.False(cut.FindButton("Left").IsDisabled());
    }

    [Fact]
    public void Cancel_Click_ReturnsToLogACramp()
    {
        var cut = Render<QuickLog>();
        cut.FindButton("Log a cramp").Click();

        cut.FindButton("Cancel").Click();

        Assert.Equal("Log a cramp", Assert.Single(cut.Buttons()).AccessibleName());
        Assert.Empty(Episodes.QuickLogCalls);
    }

    [Fact]
    public void Later_Click_StopsTheUndo_ThreeLinesWithTheEmergencyNetAboveSleepWell()
    {
        var cut = Render<QuickLog>();
        cut.FindButton("Log a cramp").Click();
        cut.FindButton("Left").Click();

        cut.FindButton("Later – ask me in the morning").Click();
        Time.Advance(TimeSpan.FromSeconds(QuickLog.UndoSeconds));

        // W6: three lines, in this order, and no reminder promised.
        Assert.Equal(
            [
                "Saved. Open the app in the morning to answer the questions.",
                "Call 999 now if you are suddenly breathless, have chest pain, cough up blood or faint.",
                "Sleep well.",
            ],
            cut.FindAll("[data-testid=later-notice] p").Select(p => p.TextContent));
        Assert.DoesNotContain("remind", cut.Find("[data-testid=later-notice]").TextContent, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(cut.QueryButtons("Undo", exact: false));
        Assert.Single(cut.QueryButtons("Log another cramp"));
    }

    [Fact]
    public void LogACramp_PendingUnacknowledgedLogInThisTab_ReusesItsId()
    {
        // After a reload mid-save the tab still holds the id: the retry can't make a second episode.
        var pending = Guid.NewGuid();
        JSInterop.Setup<string?>("lcc.pendingLog.get").SetResult(pending.ToString());
        var cut = Render<QuickLog>();

        cut.FindButton("Log a cramp").Click();
        cut.FindButton("Left").Click();

        Assert.Equal(pending, Assert.Single(Episodes.QuickLogCalls).EpisodeId);
        Assert.Contains(JSInterop.Invocations, i => i.Identifier == "lcc.pendingLog.clear");
    }
}

