using LegCrampCare.Core.Domain;

namespace LegCrampCare.Core.Features.Episodes;

/// <summary>
/// When answers a phone kept are assessed (ADR 0021): at the moment she gave them, by the phone's clock corrected by its
/// offset from the server's, never before <c>notBeforeUtc</c> (the cramp's start, or its newest assessment) and never
/// after now. A cramp answered at 03:10 and sent at 07:30 is assessed as at 03:10: the pain-check clock and the hours of
/// pain are counted from when she answered, not from when the phone found a connection.
/// </summary>
public sealed record DeviceTiming(DateTime ReferenceUtc, int? ClockOffsetSeconds)
{
    public static DeviceTiming? Of(DeviceReport? device, DateTime nowUtc, DateTime notBeforeUtc)
    {
        if (device is null)
        {
            return null;
        }

        // The offset includes the time the request spent on the network: seconds, against the minutes that matter.
        double? offset = device.SentAtUtc is { } sent ? Math.Clamp((sent - nowUtc).TotalSeconds, int.MinValue, int.MaxValue) : null;
        var answered = device.AnsweredAtUtc is { } at ? Shift(at, -(offset ?? 0)) : nowUtc;
        // Never in the future, even when the floor is (a start a little ahead of the server's clock is accepted).
        var floor = notBeforeUtc > nowUtc ? nowUtc : notBeforeUtc;
        var reference = answered < floor ? floor : answered > nowUtc ? nowUtc : answered;
        return new DeviceTiming(DateTime.SpecifyKind(reference, DateTimeKind.Utc), offset is { } o ? (int)Math.Round(o) : null);
    }

    /// <summary>Keeps on the assessment what the phone reported, beside the server's own result.</summary>
    public void Record(Assessment assessment, DeviceReport device, DateTime receivedAtUtc)
    {
        assessment.ReceivedAtUtc = receivedAtUtc;
        assessment.DeviceClockOffsetSeconds = ClockOffsetSeconds;
        assessment.ShownLevel = device.ShownLevel;
        assessment.ShownRuleSetVersion = device.ShownRuleSetVersion;
    }

    private static DateTime Shift(DateTime utc, double seconds)
    {
        var ticks = utc.Ticks + (long)Math.Clamp(seconds * TimeSpan.TicksPerSecond, long.MinValue / 2, long.MaxValue / 2);
        return new DateTime(Math.Clamp(ticks, DateTime.MinValue.Ticks, DateTime.MaxValue.Ticks), DateTimeKind.Utc);
    }
}
