using LegCrampCare.Core.Features.Review;

namespace LegCrampCare.Infrastructure.Tests.Exports;

/// <summary>Reports as the review feature would hand them to the writer, with every field filled in plainly.</summary>
internal static class ReportSamples
{
    public static readonly DateOnly From = new(2026, 1, 5);
    public static readonly DateOnly To = new(2026, 3, 29);

    public static ReportPatient Patient(string name = "Amira Okafor") => new(
        name,
        "RX1 234 5678",
        new DateOnly(1994, 3, 12),
        "31 weeks 2 days pregnant",
        new DateOnly(2026, 5, 30),
        null,
        ["Previous clot (VTE)", "Over 35"],
        "Europe/London");

    public static ReportEpisode Episode(DateTime startedAtLocal, string level = "NONE", string result = "No concern") => new(
        Guid.NewGuid(),
        startedAtLocal,
        DateOnly.FromDateTime(startedAtLocal.Hour < 12 ? startedAtLocal.AddDays(-1) : startedAtLocal),
        "31 weeks + 2 days",
        "Left",
        5,
        6,
        "Calf",
        "Stretching",
        null,
        level,
        result,
        level == "NONE" ? [] : ["One calf is 2 cm or more bigger than the other"],
        level == "NONE" ? null : 2,
        level == "NONE" ? 0 : 3,
        null,
        null,
        null,
        null,
        level != "NONE");

    public static PatientReport Report(IReadOnlyList<ReportEpisode> episodes, ReportPatient? patient = null, IReadOnlyList<ReportWeek>? weeks = null) => new(
        patient ?? Patient(),
        new DateTime(2026, 3, 30, 9, 15, 0, DateTimeKind.Utc),
        "Jo Reed, community midwife",
        From,
        To,
        episodes,
        weeks ?? Weeks(12));

    public static IReadOnlyList<ReportWeek> Weeks(int count) =>
        Enumerable.Range(0, count).Select(i => new ReportWeek($"Week {20 + i}", (i * 3) % 8)).ToList();

    /// <summary>Episodes spread over the period: every third one flagged, the first flag reviewed.</summary>
    public static List<ReportEpisode> Spread(int count, int flagged)
    {
        var list = new List<ReportEpisode>();
        var start = From.ToDateTime(new TimeOnly(22, 30));
        var flagEvery = flagged == 0 ? int.MaxValue : Math.Max(1, count / flagged);
        for (var i = 0; i < count; i++)
        {
            var at = start.AddHours(i * 80.0 * 24 / count);
            var isFlag = flagged > 0 && i % flagEvery == 0 && list.Count(e => e.Level != "NONE") < flagged;
            list.Add(isFlag ? Episode(at, "URGENT", $"Urgent flag {i}: speak to your maternity unit today") : Episode(at));
        }

        return list;
    }
}
