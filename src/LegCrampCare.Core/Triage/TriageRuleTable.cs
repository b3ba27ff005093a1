using System.Globalization;
using System.Text;

namespace LegCrampCare.Core.Triage;

/// <summary>
/// docs/clinical-safety/rules.md, written from the rule definitions, so the published table is the one the engine
/// runs (a test fails when the file differs).
/// </summary>
public static class TriageRuleTable
{
    public static string Markdown(TriageOptions options)
    {
        var engine = new TriageEngine(options);
        var md = new StringBuilder();
        md.AppendLine("# Triage rules (rule set " + engine.RuleSetVersion + ")");
        md.AppendLine();
        md.AppendLine("<!-- Generated from src/LegCrampCare.Core/Triage/TriageRules.cs by TriageRuleTable. Do not edit by hand:");
        md.AppendLine("     LCC_UPDATE_DOCS=1 dotnet test tests/LegCrampCare.Core.Tests --filter RulesDocument -->");
        md.AppendLine();
        md.AppendLine("Every rule the engine evaluates, in the order results list them. The level of an assessment is the highest level");
        md.AppendLine("of all fired rules, so no rule, risk factor or score can lower it. The exact triggers are those of");
        md.AppendLine("[triage-cases.md](triage-cases.md) (\"Exact triggers\"); `x` means \"answered yes\", and an unanswered question is");
        md.AppendLine("never read as \"no\". *Design* marks a threshold that is a design choice for the clinical safety officer to sign off.");
        md.AppendLine();
        md.AppendLine("| id | level | sign | what she is told | exact trigger | inputs | source |");
        md.AppendLine("|---|---|---|---|---|---|---|");
        foreach (var rule in TriageRules.All)
        {
            md.Append("| ").Append(rule.Code)
              .Append(" | ").Append(rule.Level.ToCode())
              .Append(" | ").Append(Cell(rule.SignFor(options)))
              .Append(" | ").Append(Cell(rule.MessageFor(options)))
              .Append(" | ").Append(Cell(rule.Trigger))
              .Append(" | ").Append(string.Join(", ", rule.Inputs.Select(i => "`" + i.Path() + "`")))
              .Append(" | ").Append(Cell(rule.Source)).Append(rule.UsesDesignThreshold ? " (*design*)" : "")
              .AppendLine(" |");
        }

        md.AppendLine();
        md.AppendLine("## Thresholds");
        md.AppendLine();
        md.AppendLine("Configuration section `Triage` (environment variables `Triage__<Name>`). Any change from these defaults changes the");
        md.AppendLine("rule-set version every result carries (`" + TriageRules.Version + "+local.<hash>`).");
        md.AppendLine();
        md.AppendLine("| setting | default | used by |");
        md.AppendLine("|---|---|---|");
        foreach (var (name, value, usedBy) in Thresholds(options))
        {
            md.Append("| `").Append(name).Append("` | ").Append(value).Append(" | ").Append(usedBy).AppendLine(" |");
        }

        md.AppendLine();
        md.AppendLine("## Context for the midwife (never used to lower a level)");
        md.AppendLine();
        md.AppendLine("- **LEFt score** (Chan et al., Ann Intern Med 2009): Left leg, oEdema (calf difference ≥ " +
                      N(options.CalfDifferenceUrgentCm) + " cm), First trimester (week ≤ " + options.FirstTrimesterLastWeek +
                      "); 0–3, none after birth or without a calf measurement. Derived in women already suspected of a clot: 0 does not exclude one.");
        md.AppendLine("- **RCOG 37a points**: the sum for the recorded risk factors (RCOG Green-top guideline 37a); birth-related points only after");
        md.AppendLine("  birth and up to day " + options.PostnatalHighRiskDays + ". ≥ " + options.RcogHighRiskPoints + " points is a high-risk profile (RO-4) and a high-risk context (UR-7).");
        md.AppendLine("- **High-risk context**: previous clot, thrombophilia, the " + options.PostnatalHighRiskDays + " days after birth, recent surgery, immobility, travel over 4 hours,");
        md.AppendLine("  hyperemesis or dehydration, OHSS, systemic infection, or RCOG points ≥ " + options.RcogHighRiskPoints + ".");
        return md.ToString().Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    private static IEnumerable<(string Name, string Value, string UsedBy)> Thresholds(TriageOptions o) =>
    [
        (nameof(o.TypicalCrampMaxMinutes), N(o.TypicalCrampMaxMinutes) + " min", "NO-1, RO-2"),
        (nameof(o.NormalSorenessMaxHours), N(o.NormalSorenessMaxHours) + " h", "NO-1, UR-6"),
        (nameof(o.CalfDifferenceUrgentCm), N(o.CalfDifferenceUrgentCm) + " cm", "UR-2, RO-3, LEFt"),
        (nameof(o.CalfDifferenceRoutineCm), N(o.CalfDifferenceRoutineCm) + " cm", "RO-3"),
        (nameof(o.HighRiskPainHours), N(o.HighRiskPainHours) + " h (*design*)", "UR-7"),
        (nameof(o.ContinuousPainUrgentMinutes), N(o.ContinuousPainUrgentMinutes) + " min (*design*)", "UR-9"),
        (nameof(o.FrequentNightsPerWeek), o.FrequentNightsPerWeek.ToString(CultureInfo.InvariantCulture) + " nights (*design*)", "RO-1"),
        (nameof(o.FrequentConsecutiveWeeks), o.FrequentConsecutiveWeeks.ToString(CultureInfo.InvariantCulture) + " weeks (*design*)", "RO-1"),
        (nameof(o.PostnatalHighRiskDays), o.PostnatalHighRiskDays.ToString(CultureInfo.InvariantCulture) + " days", "RO-7, high-risk context, RCOG birth points"),
        (nameof(o.RcogHighRiskPoints), o.RcogHighRiskPoints.ToString(CultureInfo.InvariantCulture) + " points", "RO-4, high-risk context"),
        (nameof(o.FirstTrimesterLastWeek), "week " + o.FirstTrimesterLastWeek.ToString(CultureInfo.InvariantCulture), "LEFt"),
    ];

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);

    private static string N(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
