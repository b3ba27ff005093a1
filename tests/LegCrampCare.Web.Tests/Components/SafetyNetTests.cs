using Bunit;
using LegCrampCare.Core.Triage;
using LegCrampCare.Rules;
using LegCrampCare.Web.Components.Shared;

namespace LegCrampCare.Web.Tests.Components;

/// <summary>The safety net on every page: the emergency number, and who to call today for her stage (W1).</summary>
public sealed class SafetyNetTests : ComponentTestBase
{
    private IRenderedComponent<SafetyNet> Net(WordingStage stage = WordingStage.Pregnant, string? herNumber = null) =>
        Render<SafetyNet>(p => p
            .Add(c => c.Wording, new WordingContext(stage, false))
            .Add(c => c.Contacts, Safety.ContactsFor(herNumber)));

    [Fact]
    public void SafetyNet_Default_CallsNineNineNine()
    {
        var cut = Net();

        var call = cut.FindLink("Call 999");
        Assert.Equal("tel:999", call.GetAttribute("href"));
        Assert.Contains("Call 999 now if you are suddenly short of breath", cut.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public void SafetyNet_EmergencyNumberConfigured_CallsThatNumber()
    {
        Safety.EmergencyNumber = "112";

        var cut = Net();

        Assert.Equal("tel:112", cut.FindLink("Call 112").GetAttribute("href"));
        // Text and links, not raw markup: element ids are random and may contain any digits.
        Assert.DoesNotContain("999", cut.Text(), StringComparison.Ordinal);
        Assert.All(cut.FindAll("a[href]"), a => Assert.DoesNotContain("999", a.GetAttribute("href")!, StringComparison.Ordinal));
    }

    [Fact]
    public void SafetyNet_TriageNumberConfigured_CallMaternityTriageOnThatNumberWithTheFallback()
    {
        Safety.MaternityTriageNumber = "01632960000";

        var cut = Net();

        Assert.Contains("call maternity triage now on 01632960000, or your GP or NHS 111 if you can't reach them.", cut.Text(), StringComparison.Ordinal);
        Assert.Equal("tel:01632960000", cut.FindLink("Call maternity triage: 01632960000").GetAttribute("href"));
        Assert.DoesNotContain("maternity unit", cut.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public void SafetyNet_HerOwnNumber_WinsOverTheUnits()
    {
        Safety.MaternityTriageNumber = "01632960000";

        var cut = Net(herNumber: "+441234567890");

        Assert.Equal("tel:+441234567890", cut.FindLink("Call maternity triage: 01234 567890").GetAttribute("href"));
        Assert.Empty(cut.FindAll("a[href='tel:01632960000']"));
    }

    [Fact]
    public void SafetyNet_NoTriageNumber_SaysMaternityTriageNeverMaternityUnit_AndCallsNhs111()
    {
        var cut = Net();

        Assert.Contains("call maternity triage now, or your GP or NHS 111 if you can't reach them.", cut.Text(), StringComparison.Ordinal);
        Assert.DoesNotContain("maternity unit", cut.Text(), StringComparison.Ordinal);
        Assert.Equal(["tel:999", "tel:111"], cut.FindAll("a[href^='tel:']").Select(a => a.GetAttribute("href")));
    }

    [Theory]
    [InlineData(WordingStage.LaterAfterBirth)]
    [InlineData(WordingStage.LaterAfterLoss)]
    public void SafetyNet_MoreThanSixWeeksAfterThePregnancyEnded_NamesTheGpOrNhs111_NeverMaternityTriage(WordingStage stage)
    {
        Safety.MaternityTriageNumber = "01632960000";

        var cut = Net(stage, herNumber: "+441234567890");

        Assert.Contains("call your GP now, or NHS 111 if you can't reach them.", cut.Text(), StringComparison.Ordinal);
        Assert.DoesNotContain("maternity", cut.Text(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("midwife", cut.Text(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(["tel:999", "tel:111"], cut.FindAll("a[href^='tel:']").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public void SafetyNet_Heading_LabelsTheSection()
    {
        var cut = Net();

        var section = cut.Find("section");
        var heading = cut.Find($"[id='{section.GetAttribute("aria-labelledby")}']");
        Assert.Equal("When to get help", heading.TextContent);
    }
}
