using Bunit;
using LegCrampCare.Web.Components.Shared;

namespace LegCrampCare.Web.Tests.Components;

public sealed class SafetyNetTests : ComponentTestBase
{
    [Fact]
    public void SafetyNet_Default_CallsNineNineNine()
    {
        var cut = Render<SafetyNet>();

        var call = cut.FindLink("Call 999");
        Assert.Equal("tel:999", call.GetAttribute("href"));
        Assert.Contains("Call 999 now if you are suddenly short of breath", cut.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public void SafetyNet_EmergencyNumberConfigured_CallsThatNumber()
    {
        Safety.EmergencyNumber = "112";

        var cut = Render<SafetyNet>();

        Assert.Equal("tel:112", cut.FindLink("Call 112").GetAttribute("href"));
        // Text and links, not raw markup: element ids are random and may contain any digits.
        Assert.DoesNotContain("999", cut.Text(), StringComparison.Ordinal);
        Assert.All(cut.FindAll("a[href]"), a => Assert.DoesNotContain("999", a.GetAttribute("href")!, StringComparison.Ordinal));
    }

    [Fact]
    public void SafetyNet_TriageNumberConfigured_ShowsMaternityTriageLink()
    {
        Safety.MaternityTriageNumber = "01632960000";

        var cut = Render<SafetyNet>();

        Assert.Contains("call maternity triage on 01632960000", cut.Text(), StringComparison.Ordinal);
        Assert.Equal("tel:01632960000", cut.FindLink("01632960000").GetAttribute("href"));
        Assert.DoesNotContain("your maternity unit or midwife", cut.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public void SafetyNet_NoTriageNumber_SaysCallYourMaternityUnit()
    {
        var cut = Render<SafetyNet>();

        Assert.Contains("call your maternity unit or midwife.", cut.Text(), StringComparison.Ordinal);
        Assert.Single(cut.FindAll("a[href^='tel:']"));
    }

    [Fact]
    public void SafetyNet_Heading_LabelsTheSection()
    {
        var cut = Render<SafetyNet>();

        var section = cut.Find("section");
        var heading = cut.Find($"[id='{section.GetAttribute("aria-labelledby")}']");
        Assert.Equal("When to get help", heading.TextContent);
    }
}
