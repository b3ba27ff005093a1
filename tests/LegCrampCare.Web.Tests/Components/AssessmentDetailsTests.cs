using Bunit;
using LegCrampCare.Core.Features.Review;
using LegCrampCare.Rules;
using LegCrampCare.Web.Components.Pages.Midwife;

namespace LegCrampCare.Web.Tests.Components;

/// <summary>What a midwife reads under a result that came from answers her phone kept (the offline quick log, ADR 0021).</summary>
public sealed class AssessmentDetailsTests : ComponentTestBase
{
    private static readonly DateTime Answered = new(2026, 12, 7, 3, 10, 0, DateTimeKind.Utc);

    private static LogAssessment Urgent(PhoneReportView? phone) =>
        new(Guid.NewGuid(), Answered, TriageLevel.Urgent, ResultWords.Urgent, ["UR-1"], ["UR-1: one leg swollen"], null, 0, false, null, true, null, Phone: phone);

    [Fact]
    public void SentLater_SaysWhenAndWhatHerPhoneShowed_AndAClockFarOff()
    {
        var cut = Render<AssessmentDetails>(p => p.Add(c => c.Assessment,
            Urgent(new PhoneReportView(Answered.AddHours(2).AddMinutes(20), 7200, TriageLevel.None, "2026.2"))));

        Assert.Equal(
            "Sent from her phone 2 h 20 min after she answered (the time above is when she answered). Her phone showed: No warning signs (rule set 2026.2). Her phone's clock was 2 h 0 min ahead; the times here are corrected.",
            cut.Find("[data-testid=phone-report]").TextContent);
    }

    [Fact]
    public void SafetyNetOnly_SaysHerPhoneCouldNotCheckYet()
    {
        var cut = Render<AssessmentDetails>(p => p.Add(c => c.Assessment,
            Urgent(new PhoneReportView(Answered.AddSeconds(20), 3, TriageLevel.None, PhoneReportView.SafetyNetVersion))));

        Assert.Equal(
            "Sent from her phone as she answered. Her phone could not check her answers yet and showed the safety net (when to call the emergency number).",
            cut.Find("[data-testid=phone-report]").TextContent);
    }

    [Fact]
    public void SentAtOnce_NoCardShownYet_ClockRight_NothingToSay()
    {
        var cut = Render<AssessmentDetails>(p => p.Add(c => c.Assessment, Urgent(new PhoneReportView(Answered.AddSeconds(2), 1, null, null))));

        Assert.Empty(cut.FindAll("[data-testid=phone-report]"));
    }

    [Fact]
    public void FromTheLivePages_NoPhoneLine()
    {
        var cut = Render<AssessmentDetails>(p => p.Add(c => c.Assessment, Urgent(null)));

        Assert.Empty(cut.FindAll("[data-testid=phone-report]"));
    }
}
