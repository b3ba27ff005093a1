using Bunit;
using LegCrampCare.Core.Common;
using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;
using LegCrampCare.Core.Features.Episodes;
using LegCrampCare.Web.Components.Pages.Episodes;

namespace LegCrampCare.Web.Tests.Components;

public sealed class EpisodeDetailsFormTests : ComponentTestBase
{
    private const string DurationLabel = "How long it lasted (minutes)";
    private const string DurationError = "How long it lasted must be between 0 and 720 minutes (12 hours).";

    [Fact]
    public void DurationError_Given_ShownNextToTheDurationFieldOnly()
    {
        var cut = Render<EpisodeDetailsForm>(p => p
            .Add(c => c.Details, new EpisodeDetails { DurationMinutes = 800 })
            .Add(c => c.Errors, [new FieldError(nameof(EpisodeDetails.DurationMinutes), DurationError)]));

        var duration = cut.FindByLabel(DurationLabel);
        var block = duration.NearestBlockWithText(DurationError);
        Assert.NotNull(block);
        Assert.Equal(1, block.CountFormControls());
        Assert.Equal("true", duration.GetAttribute("aria-invalid"));
        Assert.Single(cut.FindAll("[aria-invalid=true]"));
        Assert.Equal("false", cut.FindByLabel("When it started").GetAttribute("aria-invalid"));
    }

    [Fact]
    public void NoErrors_Given_FieldsAreNotMarkedInvalid()
    {
        var cut = Render<EpisodeDetailsForm>(p => p.Add(c => c.Details, new EpisodeDetails()));

        Assert.Empty(cut.FindAll("[aria-invalid=true]"));
        Assert.Contains("0 to 720 minutes", cut.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public void StartError_Given_ShownBesideTheStartAndDescribesIt()
    {
        const string message = "The start can't be in the future.";
        var cut = Render<EpisodeDetailsForm>(p => p
            .Add(c => c.Details, new EpisodeDetails())
            .Add(c => c.Errors, [new FieldError(nameof(EpisodeDetails.StartedAtLocal), message)]));

        var start = cut.FindByLabel("When it started");
        Assert.Equal("true", start.GetAttribute("aria-invalid"));
        Assert.Equal(message, cut.Find($"[id='{start.GetAttribute("aria-describedby")}']").TextContent);
    }

    [Fact]
    public void SideAndLocation_Tapped_ChangeTheBoundDetails()
    {
        var details = new EpisodeDetails { Side = Side.Left };
        var cut = Render<EpisodeDetailsForm>(p => p.Add(c => c.Details, details));

        cut.FindQuestion("Which leg").ButtonIn("Right").Click();
        cut.FindQuestion("Where in the leg").ButtonIn("Calf").Click();
        cut.FindQuestion("Where in the leg").ButtonIn("Foot").Click();
        cut.FindQuestion("Where in the leg").ButtonIn("Calf").Click();

        Assert.Equal(Side.Right, details.Side);
        Assert.Equal(CrampLocations.Foot, details.Locations);
        Assert.True(cut.FindQuestion("Which leg").ButtonIn("Right").IsPressed());
        Assert.False(cut.FindQuestion("Which leg").ButtonIn("Left").IsPressed());
    }

    [Fact]
    public void Duration_Typed_ChangesTheBoundDetails()
    {
        var details = new EpisodeDetails();
        var cut = Render<EpisodeDetailsForm>(p => p.Add(c => c.Details, details));

        cut.FindByLabel(DurationLabel).Change("15");

        Assert.Equal(15, details.DurationMinutes);
    }

    [Fact]
    public void RedFlagAnswer_Tapped_ChangesTheBoundAnswers()
    {
        var details = new EpisodeDetails();
        var cut = Render<EpisodeDetailsForm>(p => p.Add(c => c.Details, details));

        cut.FindQuestion("Do you have pain in your chest or upper back?").ButtonIn("No").Click();
        cut.FindQuestion("Swelling").ButtonIn("Both ankles or feet, gradually (worse in the evening)").Click();

        Assert.Equal(Answer.No, details.Answers.ChestPain);
        Assert.Equal(Swelling.BothAnklesGradual, details.Answers.Swelling);
        Assert.False(cut.FindQuestion("Is one leg swollen?").ButtonIn("Yes").IsPressed());
        Assert.True(cut.FindQuestion("Is one leg swollen?").ButtonIn("No").IsPressed());
    }

    [Fact]
    public void Disabled_Given_EveryChoiceIsDisabled()
    {
        var cut = Render<EpisodeDetailsForm>(p => p
            .Add(c => c.Details, new EpisodeDetails())
            .Add(c => c.Disabled, true));

        Assert.All(cut.FindAll("button, input, textarea"), e => Assert.True(e.IsDisabled(), e.OuterHtml));
    }

    [Fact]
    public void NothingHelped_AndWhatHelped_ExcludeEachOther()
    {
        var details = new EpisodeDetails();
        var cut = Render<EpisodeDetailsForm>(p => p.Add(c => c.Details, details));
        AngleSharp.Dom.IElement Chip(string label) => cut.FindAll("button.lcc-choice").Single(b => b.TextContent.Trim() == label);

        Chip("Stretching").Click();
        Chip("Massage").Click();
        Chip("Nothing helped").Click();
        Assert.Equal(LegCrampCare.Core.Domain.ReliefMethods.Nothing, details.HelpedBy);
        Assert.Equal("false", Chip("Stretching").GetAttribute("aria-pressed"));

        Chip("Warmth").Click();
        Assert.Equal(LegCrampCare.Core.Domain.ReliefMethods.Warmth, details.HelpedBy);
        Assert.Equal("false", Chip("Nothing helped").GetAttribute("aria-pressed"));
    }
}
