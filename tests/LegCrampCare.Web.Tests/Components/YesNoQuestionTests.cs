using Bunit;
using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;
using LegCrampCare.Web.Components.Shared;

namespace LegCrampCare.Web.Tests.Components;

public sealed class YesNoQuestionTests : ComponentTestBase
{
    private const string Label = "Are you coughing up blood?";

    [Theory]
    [InlineData(Answer.NotAnswered, "Yes", Answer.Yes)]
    [InlineData(Answer.NotAnswered, "No", Answer.No)]
    [InlineData(Answer.No, "Yes", Answer.Yes)]
    [InlineData(Answer.Yes, "Yes", Answer.NotAnswered)]
    [InlineData(Answer.No, "No", Answer.NotAnswered)]
    public void Tap_GivenValue_RaisesTheNewAnswer(Answer value, string tapped, Answer expected)
    {
        var raised = new List<Answer>();
        var cut = Render<YesNoQuestion>(p => p
            .Add(c => c.Id, "coughing-blood")
            .Add(c => c.Label, Label)
            .Add(c => c.Value, value)
            .Add(c => c.ValueChanged, raised.Add));

        cut.FindQuestion(Label).ButtonIn(tapped).Click();

        Assert.Equal([expected], raised);
    }

    [Theory]
    [InlineData(Answer.NotAnswered, "false", "false")]
    [InlineData(Answer.Yes, "true", "false")]
    [InlineData(Answer.No, "false", "true")]
    public void Value_Given_PressesTheMatchingButton(Answer value, string yesPressed, string noPressed)
    {
        var cut = Render<YesNoQuestion>(p => p
            .Add(c => c.Id, "coughing-blood")
            .Add(c => c.Label, Label)
            .Add(c => c.Value, value));

        var question = cut.FindQuestion(Label);
        Assert.Equal(yesPressed, question.ButtonIn("Yes").GetAttribute("aria-pressed"));
        Assert.Equal(noPressed, question.ButtonIn("No").GetAttribute("aria-pressed"));
    }

    [Fact]
    public void Hint_Given_ShownUnderTheQuestion()
    {
        var cut = Render<YesNoQuestion>(p => p
            .Add(c => c.Id, "chest-pain")
            .Add(c => c.Label, "Do you have pain in your chest or upper back?")
            .Add(c => c.Hint, "Especially sharp pain."));

        Assert.Contains("Especially sharp pain.", cut.FindQuestion("Do you have pain in your chest or upper back?").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Disabled_Given_BothButtonsDisabled()
    {
        var cut = Render<YesNoQuestion>(p => p
            .Add(c => c.Id, "coughing-blood")
            .Add(c => c.Label, Label)
            .Add(c => c.Disabled, true));

        Assert.All(cut.Buttons(), b => Assert.True(b.IsDisabled()));
    }
}
