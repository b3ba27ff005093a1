using System.Text.RegularExpressions;
using LegCrampCare.Core.Triage;

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
        Assert.Equal(26, TriageRules.All.Count);
        for (var i = 0; i < TriageRules.All.Count; i++)
        {
            Assert.Equal((RuleId)i, TriageRules.All[i].Id);
            Assert.Same(TriageRules.All[i], TriageRules.Get((RuleId)i));
        }

        Assert.Equal(
            ["EM-1", "EM-2", "EM-3", "EM-4", "EM-5", "UR-1", "UR-2", "UR-3", "UR-4", "UR-5", "UR-6", "UR-7", "UR-8", "UR-9", "UR-10", "UR-11",
             "RO-1", "RO-2", "RO-3", "RO-4", "RO-5", "RO-6", "RO-7", "FS-1", "NO-1", "NO-2"],
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
        Assert.False(string.IsNullOrWhiteSpace(rule.Message));
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

        foreach (var text in new[] { rule.Message, rule.Sign, rule.MessageFor(TriageOptions.Default), rule.SignFor(TriageOptions.Default) })
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

        Assert.DoesNotContain("{", rule.MessageFor(TriageOptions.Default), StringComparison.Ordinal);
        Assert.DoesNotContain("{", rule.SignFor(TriageOptions.Default), StringComparison.Ordinal);
    }

    [Fact]
    public void Fs1_ReadsExactlyTheSevenRedFlagQuestions_InTheOrderTheyAreAsked()
    {
        var all = new TriageInput();

        Assert.Equal(TriageRules.Get(RuleId.Fs1).Inputs, TriageRules.UnansweredRedFlags(all));
        Assert.Equal(7, TriageRules.Get(RuleId.Fs1).Inputs.Count);
    }

    [Fact]
    public void DesignThresholds_AreMarkedOnTheRulesThatUseThem()
    {
        string[] design = ["UR-7", "UR-9", "RO-1", "RO-3"];

        Assert.Equal(design, TriageRules.All.Where(r => r.UsesDesignThreshold).Select(r => r.Code));
        Assert.All(design, code => Assert.Contains("design", Rule(code).Source, StringComparison.OrdinalIgnoreCase));
    }
}
