using System.Text.RegularExpressions;
using LegCrampCare.Core.Triage;
using LegCrampCare.Rules;

namespace LegCrampCare.Core.Tests.Triage;

/// <summary>The rule table is complete, in order, and speaks to the patient in plain words.</summary>
public sealed class TriageRuleTableTests
{
    public static TheoryData<string> Codes
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var rule in TriageRules.All)
            {
                data.Add(rule.Code);
            }

            return data;
        }
    }

    private static TriageRule Rule(string code) => TriageRules.All.Single(r => r.Code == code);

    [Fact]
    public void All_HasEveryRuleIdOnceInRuleIdOrder()
    {
        Assert.Equal(RuleIds.Count, TriageRules.All.Count);
        Assert.Equal(36, TriageRules.All.Count);
        for (var i = 0; i < TriageRules.All.Count; i++)
        {
            Assert.Equal((RuleId)i, TriageRules.All[i].Id);
            Assert.Same(TriageRules.All[i], TriageRules.Get((RuleId)i));
        }

        Assert.Equal(
            ["EM-1", "EM-2", "EM-3", "EM-4", "EM-5", "UR-1", "UR-2", "UR-3", "UR-4", "UR-5", "UR-6", "UR-7", "UR-8", "UR-9", "UR-10", "UR-11",
             "UR-12", "UR-13", "UR-14", "UR-15", "UR-16", "UR-17", "UR-18", "UR-19", "UR-20",
             "RO-1", "RO-2", "RO-3", "RO-4", "RO-5", "RO-6", "RO-7", "RO-8", "FS-1", "NO-1", "NO-2"],
            TriageRules.All.Select(r => r.Code));
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void EveryRule_HasIdLevelSignMessageTriggerSourceAndInputs(string code)
    {
        var rule = Rule(code);

        Assert.Matches(new Regex("^(EM|UR|RO|FS|NO)-[0-9]{1,2}$"), rule.Code);
        Assert.True(RuleIds.TryParse(code, out var parsed) && parsed == rule.Id);
        var expectedLevel = code[..2] switch
        {
            "EM" => TriageLevel.Emergency,
            "UR" => TriageLevel.Urgent,
            "RO" or "FS" => TriageLevel.Routine,
            _ => TriageLevel.None,
        };
        Assert.Equal(expectedLevel, rule.Level);
        Assert.False(string.IsNullOrWhiteSpace(rule.Sign));
        Assert.All(WordingStages(), c => Assert.False(string.IsNullOrWhiteSpace(PatientWording.Reason(rule.Id, Sample(rule.Id), c, TriageOptions.Default))));
        Assert.False(string.IsNullOrWhiteSpace(rule.Trigger));
        Assert.False(string.IsNullOrWhiteSpace(rule.Source));
        Assert.NotEmpty(rule.Inputs);
        Assert.Equal(rule.Inputs.Count, rule.Inputs.Distinct().Count());
        Assert.NotNull(rule.Fires);
        Assert.DoesNotContain(rule.Id, rule.DependsOn);
        Assert.All(rule.Inputs, field => Assert.False(string.IsNullOrWhiteSpace(field.Label())));
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void PatientWords_NoClinicalJargon_AndThresholdsFilledIn(string code)
    {
        var rule = Rule(code);

        var messages = WordingStages().Select(c => PatientWording.Reason(rule.Id, Sample(rule.Id), c, TriageOptions.Default)).ToList();
        foreach (var text in messages.Append(rule.Sign).Append(rule.SignFor(TriageOptions.Default)))
        {
            foreach (var jargon in new[] { "VTE", "DVT", "PE " })
            {
                Assert.DoesNotContain(jargon, text, StringComparison.Ordinal);
            }

            foreach (var jargon in new[] { "thrombosis", "oedema", "edema", "embolism", "thrombophilia" })
            {
                Assert.DoesNotContain(jargon, text, StringComparison.OrdinalIgnoreCase);
            }
        }

        Assert.All(messages, m => Assert.DoesNotContain("{", m, StringComparison.Ordinal));
        Assert.DoesNotContain("{", rule.SignFor(TriageOptions.Default), StringComparison.Ordinal);
    }

    [Fact]
    public void Fs1_ReadsTheSevenRedFlagQuestions_AndWithPainLeftTheFourUr5Questions_InTheOrderTheyAreAsked()
    {
        var noPain = new TriageInput();
        var pain = new TriageInput { HasPainAfterCramp = true, PainAfterHours = 1m };

        Assert.Equal(TriageRules.Get(RuleId.Fs1).Inputs.Take(7), TriageRules.UnansweredRedFlags(noPain));
        Assert.Equal(TriageRules.Get(RuleId.Fs1).Inputs.Where(f => f != TriageField.PainAfterCramp), TriageRules.UnansweredRedFlags(pain));
        Assert.Equal(11, TriageRules.UnansweredRedFlags(pain).Count);
    }

    [Fact]
    public void DesignThresholds_AreMarkedOnTheRulesThatUseThem()
    {
        string[] design = ["UR-6", "UR-7", "UR-9", "UR-14", "RO-1", "RO-3"];

        Assert.Equal(design, TriageRules.All.Where(r => r.UsesDesignThreshold).Select(r => r.Code));
        Assert.All(design, code => Assert.Contains("design", Rule(code).Source, StringComparison.OrdinalIgnoreCase));
    }

    private static IEnumerable<WordingContext> WordingStages() =>
        Enum.GetValues<WordingStage>().SelectMany(stage => new[] { new WordingContext(stage, false), new WordingContext(stage, true) });

    /// <summary>An input for which the rule's words are complete: UR-11 names the signs she has.</summary>
    private static TriageInput Sample(RuleId id) =>
        id == RuleId.Ur11 ? new TriageInput { SevereHeadache = true, SuddenFeetSwelling = true } : new TriageInput();
}
