using System.Globalization;
using System.Text;

namespace LegCrampCare.Rules;

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
        md.AppendLine("<!-- Generated from src/LegCrampCare.Rules/TriageRules.cs by TriageRuleTable. Do not edit by hand:");
        md.AppendLine("     LCC_UPDATE_DOCS=1 dotnet test tests/LegCrampCare.Core.Tests --filter RulesDocument -->");
        md.AppendLine();
        md.AppendLine("Every rule the engine evaluates, in the order results list them. The level of an assessment is the highest level");
        md.AppendLine("of all fired rules, so no rule, risk factor or score can lower it. The exact triggers are those of");
        md.AppendLine("[triage-cases.md](triage-cases.md) (\"Exact triggers\"); `x` means \"answered yes\", and an unanswered question is");
        md.AppendLine("never read as \"no\". *Design* marks a threshold that is a design choice for the clinical safety officer to sign off.");
        md.AppendLine();
        md.AppendLine("| id | level | sign (the midwife's words) | exact trigger | inputs | source |");
        md.AppendLine("|---|---|---|---|---|---|");
        foreach (var rule in TriageRules.All)
        {
            md.Append("| ").Append(rule.Code)
              .Append(" | ").Append(rule.Level.ToCode())
              .Append(" | ").Append(Cell(rule.SignFor(options)))
              .Append(" | ").Append(Cell(rule.Trigger))
              .Append(" | ").Append(string.Join(", ", rule.Inputs.Select(i => "`" + i.Path() + "`")))
              .Append(" | ").Append(Cell(rule.Source)).Append(rule.UsesDesignThreshold ? " (*design*)" : "")
              .AppendLine(" |");
        }

        md.AppendLine();
        md.AppendLine("## What she is told, by stage");
        md.AppendLine();
        md.AppendLine("Each rule's reason as the patient reads it (clinical README §8, W3, W4, W11 and W12), for each stage: pregnant; up to");
        md.AppendLine("day " + options.PostnatalHighRiskDays + " after a birth; up to day " + options.PostnatalHighRiskDays + " after a loss; after day " +
                      options.PostnatalHighRiskDays + " (after a birth, after a loss); the stage unknown.");
        md.AppendLine("A result given by an earlier rule set is explained with that set's words ([rule-set-history.md](rule-set-history.md)).");
        md.AppendLine();
        md.AppendLine("| id | stages | what she is told |");
        md.AppendLine("|---|---|---|");
        foreach (var rule in TriageRules.All)
        {
            foreach (var (sample, what) in Samples(rule.Id))
            {
                var variants = Stages
                    .Where(s => CanFireIn(rule.Id, s.Stage, what))
                    .Select(s => (s.Name, Text: PatientWording.Reason(rule.Id, sample with { GestationalWeek = s.Week, PostpartumDay = s.Day, PregnancyEnd = s.End },
                        new WordingContext(s.Stage, false), options)))
                    .GroupBy(v => v.Text);
                foreach (var variant in variants)
                {
                    md.Append("| ").Append(rule.Code).Append(what)
                      .Append(" | ").Append(string.Join(", ", variant.Select(v => v.Name)))
                      .Append(" | ").Append(Cell(variant.Key)).AppendLine(" |");
                }
            }
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
        md.AppendLine("- **LEFt score** (Chan et al., Ann Intern Med 2009): Left leg (the leg that still hurts when she said, else the leg that cramped),");
        md.AppendLine("  oEdema (calf difference ≥ " + N(options.CalfDifferenceUrgentCm) + " cm), First trimester (week ≤ " + options.FirstTrimesterLastWeek +
                      "); 0–3, none after the pregnancy ended,");
        md.AppendLine("  with the stage unknown or without a calf measurement. Derived in women already suspected of a clot: 0 does not exclude one.");
        md.AppendLine("- **RCOG 37a points**: the sum for the recorded risk factors (RCOG Green-top guideline 37a); birth-related points only after");
        md.AppendLine("  the pregnancy ended (a birth or a loss) and up to day " + options.PostnatalHighRiskDays + ", and with the stage unknown. ≥ " +
                      options.RcogHighRiskPoints + " points is a high-risk profile (RO-4) and a high-risk context (UR-7).");
        md.AppendLine("- **High-risk context**: previous clot, thrombophilia, the " + options.PostnatalHighRiskDays + " days after a birth or a loss, the stage unknown,");
        md.AppendLine("  recent surgery, immobility, travel over 4 hours, hyperemesis or dehydration, OHSS, systemic infection, or RCOG points ≥ " +
                      options.RcogHighRiskPoints + ". A fever is not the risk factor \"systemic infection\".");
        return md.ToString().Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    private static readonly (string Name, WordingStage Stage, int? Week, int? Day, PregnancyEnd End)[] Stages =
    [
        ("pregnant", WordingStage.Pregnant, 30, null, PregnancyEnd.NotGiven),
        ("after a birth", WordingStage.AfterBirth, null, 10, PregnancyEnd.Birth),
        ("after a loss", WordingStage.AfterLoss, null, 10, PregnancyEnd.Loss),
        ("after day 42 (birth)", WordingStage.LaterAfterBirth, null, 100, PregnancyEnd.Birth),
        ("after day 42 (loss)", WordingStage.LaterAfterLoss, null, 100, PregnancyEnd.Loss),
        ("stage unknown", WordingStage.Unknown, null, null, PregnancyEnd.NotGiven),
    ];

    /// <summary>The stages a stage-bound rule can fire in (exact triggers), so the table shows no words she can never read.</summary>
    private static bool CanFireIn(RuleId id, WordingStage stage, string what)
    {
        var pregnant = stage == WordingStage.Pregnant;
        var postnatal = stage is WordingStage.AfterBirth or WordingStage.AfterLoss;
        var unknown = stage == WordingStage.Unknown;
        var later = stage is WordingStage.LaterAfterBirth or WordingStage.LaterAfterLoss;
        return id switch
        {
            RuleId.Ur11 when what.Contains("feet", StringComparison.Ordinal) => !later,
            RuleId.Ur12 or RuleId.Ro7 => postnatal || unknown,
            RuleId.Ur13 or RuleId.No2 => pregnant || unknown,
            RuleId.Ur17 => !later,
            RuleId.Ur20 => later,
            _ => true,
        };
    }

    /// <summary>The inputs a rule's words depend on: UR-11 says which signs (W3).</summary>
    private static IEnumerable<(TriageInput Sample, string What)> Samples(RuleId id) => id == RuleId.Ur11
        ?
        [
            (new TriageInput { SevereHeadache = true }, " (headache, eyesight, face or hands, below the ribs)"),
            (new TriageInput { SuddenFeetSwelling = true }, " (sudden swelling of the feet)"),
        ]
        : [(new TriageInput(), "")];

    private static IEnumerable<(string Name, string Value, string UsedBy)> Thresholds(TriageOptions o) =>
    [
        (nameof(o.TypicalCrampMaxMinutes), N(o.TypicalCrampMaxMinutes) + " min", "short and long cramp (NO-1, RO-2), the quick \"more than 10 minutes?\""),
        (nameof(o.NormalSorenessMaxHours), N(o.NormalSorenessMaxHours) + " h", "NO-1, RO-8, the W5 clock (d)"),
        (nameof(o.NotImprovingUrgentHours), N(o.NotImprovingUrgentHours) + " h (*design*)", "UR-6, the W5 clock (b)"),
        (nameof(o.CalfDifferenceUrgentCm), N(o.CalfDifferenceUrgentCm) + " cm", "UR-2, RO-3, LEFt"),
        (nameof(o.CalfDifferenceRoutineCm), N(o.CalfDifferenceRoutineCm) + " cm", "RO-3"),
        (nameof(o.HighRiskPainHours), N(o.HighRiskPainHours) + " h (*design*)", "UR-7, the W5 clock (a)"),
        (nameof(o.CombinedPainHours), N(o.CombinedPainHours) + " h (*design*)", "UR-14, the W5 clock (c)"),
        (nameof(o.CombinedCalfDifferenceCm), N(o.CombinedCalfDifferenceCm) + " cm (*design*)", "UR-14, the W5 clock (c)"),
        (nameof(o.ContinuousPainUrgentMinutes), N(o.ContinuousPainUrgentMinutes) + " min (*design*)", "UR-9"),
        (nameof(o.FrequentNightsPerWeek), o.FrequentNightsPerWeek.ToString(CultureInfo.InvariantCulture) + " nights (*design*)", "RO-1"),
        (nameof(o.FrequentConsecutiveWeeks), o.FrequentConsecutiveWeeks.ToString(CultureInfo.InvariantCulture) + " weeks (*design*)", "RO-1"),
        (nameof(o.PostnatalHighRiskDays), o.PostnatalHighRiskDays.ToString(CultureInfo.InvariantCulture) + " days",
            "postnatal and after day 42 (after a birth or a loss): high-risk context, RCOG birth points, UR-11 feet, UR-12, UR-17, UR-20, RO-7, the wording"),
        (nameof(o.RcogHighRiskPoints), o.RcogHighRiskPoints.ToString(CultureInfo.InvariantCulture) + " points", "RO-4, high-risk context"),
        (nameof(o.FirstTrimesterLastWeek), "week " + o.FirstTrimesterLastWeek.ToString(CultureInfo.InvariantCulture), "LEFt"),
    ];

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);

    private static string N(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
