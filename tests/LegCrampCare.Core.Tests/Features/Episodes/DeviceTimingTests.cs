using LegCrampCare.Core.Domain;
using LegCrampCare.Core.Features.Episodes;
using LegCrampCare.Rules;

namespace LegCrampCare.Core.Tests.Features.Episodes;

/// <summary>When answers a phone kept are assessed (ADR 0021): at her answer, corrected by the phone clock's offset, within the cramp's window.</summary>
public sealed class DeviceTimingTests
{
    private static readonly DateTime Now = new(2026, 12, 7, 6, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Start = Now.AddHours(-3);

    [Fact]
    public void PhoneTwoHoursAhead_AnsweredAt0310ByItsClock_AssessedAt0310ByTheServers_OffsetKept()
    {
        var answered = Now.AddHours(-2).AddMinutes(-50);
        var report = new DeviceReport(answered.AddHours(2), Now.AddHours(2), TriageLevel.None, "2026.2");

        var timing = DeviceTiming.Of(report, Now, Start)!;

        Assert.Equal(answered, timing.ReferenceUtc);
        Assert.Equal(7200, timing.ClockOffsetSeconds);
    }

    [Fact]
    public void NoSendingTime_NoOffset_AnswerTakenAsGiven()
    {
        var timing = DeviceTiming.Of(new DeviceReport(Now.AddMinutes(-30), null, null, null), Now, Start)!;

        Assert.Equal(Now.AddMinutes(-30), timing.ReferenceUtc);
        Assert.Null(timing.ClockOffsetSeconds);
    }

    [Theory]
    [InlineData(-600, -180)] // before the cramp started: at its start
    [InlineData(60, 0)]      // in the future: now
    public void OutsideTheWindow_KeptWithinIt(int answeredMinutesFromNow, int expectedMinutesFromNow)
    {
        var timing = DeviceTiming.Of(new DeviceReport(Now.AddMinutes(answeredMinutesFromNow), Now, null, null), Now, Start)!;

        Assert.Equal(Now.AddMinutes(expectedMinutesFromNow), timing.ReferenceUtc);
    }

    [Fact]
    public void FloorInTheFuture_AStartAheadOfTheServersClock_NeverAssessedAfterNow()
    {
        var timing = DeviceTiming.Of(new DeviceReport(Now.AddMinutes(5), Now, null, null), Now, notBeforeUtc: Now.AddMinutes(2))!;

        Assert.Equal(Now, timing.ReferenceUtc);
    }

    [Fact]
    public void ExtremeTimes_NoOverflow()
    {
        var timing = DeviceTiming.Of(new DeviceReport(DateTime.MinValue, DateTime.MaxValue, null, null), Now, Start)!;

        Assert.Equal(Start, timing.ReferenceUtc);
        Assert.Equal(int.MaxValue, timing.ClockOffsetSeconds);
    }

    [Fact]
    public void Record_KeepsWhatThePhoneShowedAndWhenItArrived()
    {
        var report = new DeviceReport(Now, Now, TriageLevel.Routine, "2026.1");
        var assessment = new Assessment();

        DeviceTiming.Of(report, Now, Start)!.Record(assessment, report, Now);

        Assert.Equal(Now, assessment.ReceivedAtUtc);
        Assert.Equal(0, assessment.DeviceClockOffsetSeconds);
        Assert.Equal(TriageLevel.Routine, assessment.ShownLevel);
        Assert.Equal("2026.1", assessment.ShownRuleSetVersion);
    }
}
