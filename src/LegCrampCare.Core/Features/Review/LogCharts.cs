using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;

namespace LegCrampCare.Core.Features.Review;

/// <summary>One bar or point of a chart: a label and a value.</summary>
public sealed record ChartPoint(string Label, double Value);

/// <summary>The midwife's charts of one log, computed from the episodes she may see.</summary>
public sealed record LogChartData(
    IReadOnlyList<ChartPoint> NightsPerWeek,
    IReadOnlyList<ChartPoint> TimeOfNight,
    IReadOnlyList<ChartPoint> Sides,
    IReadOnlyList<ChartPoint> PainPerWeek);

public static class LogCharts
{
    /// <summary>Hour bands of the local start time, in the order a night runs.</summary>
    public static readonly IReadOnlyList<(string Label, int FromHour, int ToHour)> Bands =
    [
        ("Evening (18–24)", 18, 24),
        ("Night (0–3)", 0, 3),
        ("Early morning (3–6)", 3, 6),
        ("Morning (6–12)", 6, 12),
        ("Afternoon (12–18)", 12, 18),
    ];

    public static LogChartData From(IReadOnlyList<LogEpisode> episodes)
    {
        var byWeek = episodes
            .GroupBy(e => WeekKey(e))
            .OrderBy(g => g.Key.Order)
            .ToList();
        var nightsPerWeek = byWeek.Select(g => new ChartPoint(g.Key.Label, g.Select(e => e.Night).Distinct().Count())).ToList();
        var painPerWeek = byWeek
            .Where(g => g.Any(e => e.PainScore is not null))
            .Select(g => new ChartPoint(g.Key.Label, Math.Round(g.Where(e => e.PainScore is not null).Average(e => e.PainScore!.Value), 1)))
            .ToList();
        var timeOfNight = Bands.Select(b => new ChartPoint(b.Label, episodes.Count(e => e.StartedAtLocal.Hour >= b.FromHour && e.StartedAtLocal.Hour < b.ToHour))).ToList();
        var sides = new[] { (Side.Left, "Left"), (Side.Right, "Right"), (Side.Both, "Both") }
            .Select(s => new ChartPoint(s.Item2, episodes.Count(e => e.Side == s.Item1)))
            .ToList();
        return new LogChartData(nightsPerWeek, timeOfNight, sides, painPerWeek);
    }

    /// <summary>Pregnancy weeks ("Week 31") first, then weeks after birth ("Week 2 after birth").</summary>
    public static (int Order, string Label) WeekKey(LogEpisode e) =>
        e.GestationalWeek is { } week ? (week, $"Week {week}")
        : e.PostpartumDay is { } day ? (100 + (day / 7), $"Week {(day / 7) + 1} after birth")
        : (200, "Other");
}
