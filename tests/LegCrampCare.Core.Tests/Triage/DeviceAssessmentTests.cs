using System.Text;
using System.Text.Json;
using LegCrampCare.Rules;

namespace LegCrampCare.Core.Tests.Triage;

/// <summary>
/// The offline quick log's entry into the rules (ADR 0021): a request in JSON gives the card model the server would
/// give for the same input, time, place, numbers and thresholds; a malformed request says what is wrong.
/// </summary>
public sealed class DeviceAssessmentTests
{
    private static readonly DateTime AssessedAt = new(2026, 12, 7, 3, 12, 0, DateTimeKind.Utc);

    private static string Request(TriageInput input, string? options = null, string zone = "Europe/London", string? triage = null) =>
        "{\"input\":" + TriageCaseFile.ToJson(input) +
        (options is null ? "" : ",\"options\":" + options) +
        ",\"assessedAt\":\"2026-12-07T03:12:00Z\",\"crampStartedAt\":\"2026-12-07T01:00:00Z\",\"timeZone\":\"" + zone + "\"" +
        ",\"contacts\":{\"emergency\":{\"tel\":\"112\",\"display\":\"112\"},\"maternityTriage\":" + (triage ?? "null") +
        ",\"urgentLineName\":\"the out-of-hours line\",\"urgentLine\":{\"tel\":\"116117\",\"display\":\"116 117\"}}}";

    private static string ServerCard(TriageInput input, TriageOptions options, string zone, PhoneNumber? triage)
    {
        var engine = new TriageEngine(options);
        var result = engine.Evaluate(input);
        var explanation = TriageExplainer.Explain(input, result, engine.Options);
        var contacts = new ContactNumbers(new PhoneNumber("112", "112"), triage, "the out-of-hours line", new PhoneNumber("116117", "116 117"));
        var card = ResultCardBuilder.Build(explanation, new ResultCardContext(AssessedAt, TimeZoneInfo.FindSystemTimeZoneById(zone), contacts,
            CrampStartedAtUtc: new DateTime(2026, 12, 7, 1, 0, 0, DateTimeKind.Utc)));
        return DeviceAssessment.CardJson(result, card);
    }

    [Fact]
    public void Assess_EveryDevelopmentCase_SameCardModelAsTheServersCard()
    {
        var triage = new PhoneNumber("+441632960123", "01632 960123");
        foreach (var c in DevelopmentCases.All)
        {
            Assert.Equal(ServerCard(c.Input, TriageOptions.Default, "Australia/Sydney", triage),
                DeviceAssessment.Assess(Request(c.Input, zone: "Australia/Sydney", triage: "{\"tel\":\"+441632960123\",\"display\":\"01632 960123\"}")));
        }
    }

    [Fact]
    public void Assess_UrgentWithTheDevicesNumbers_CallsTheConfiguredNumbersNeverHardCodedOnes()
    {
        var input = TriageTestInputs.TypicalCramp with { ChestPain = true };

        using var card = JsonDocument.Parse(DeviceAssessment.Assess(Request(input)));

        Assert.Equal("EMERGENCY", card.RootElement.GetProperty("level").GetString());
        Assert.Equal("Call 112 now", card.RootElement.GetProperty("heading").GetString());
        Assert.Equal("112", card.RootElement.GetProperty("call").GetProperty("tel").GetString());
        Assert.Equal(TriageRules.Version, card.RootElement.GetProperty("ruleSetVersion").GetString());
        Assert.DoesNotContain("999", card.RootElement.GetRawText(), StringComparison.Ordinal);
    }

    /// <summary>Every threshold the server has travels to the device and back: a threshold added later can't be forgotten.</summary>
    [Fact]
    public void WriteOptions_EveryThresholdChanged_DeviceUsesThemAll()
    {
        var options = TriageOptions.Default;
        foreach (var property in typeof(TriageOptions).GetProperties().Where(p => p.CanWrite))
        {
            var changed = options with { };
            property.SetValue(changed, property.PropertyType == typeof(decimal)
                ? (object)((decimal)property.GetValue(options)! + 0.5m)
                : (object)((int)property.GetValue(options)! + 1));
            var json = OptionsJson(changed);
            var version = new TriageEngine(changed).RuleSetVersion;

            using var card = JsonDocument.Parse(DeviceAssessment.Assess(Request(TriageTestInputs.TypicalCramp, json)));

            Assert.True(card.RootElement.TryGetProperty("ruleSetVersion", out var v), card.RootElement.GetRawText());
            Assert.Equal(version, v.GetString());
            Assert.StartsWith(TriageRules.Version + "+local.", version, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("{\"input\":{},\"assessedAt\":\"2026-12-07T03:12:00Z\",\"timeZone\":\"UTC\"}", "contacts")]
    [InlineData("{\"input\":{},\"assessedAt\":\"yesterday\",\"timeZone\":\"UTC\",\"contacts\":{}}", "assessedAt")]
    [InlineData("not json", "")]
    public void Assess_MalformedRequest_AnswersAnErrorNamingWhatIsWrong(string request, string field)
    {
        using var answer = JsonDocument.Parse(DeviceAssessment.Assess(request));

        var error = answer.RootElement.GetProperty("error").GetString();
        Assert.False(string.IsNullOrWhiteSpace(error));
        Assert.Contains(field, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Assess_UnknownThreshold_AnswersAnErrorNamingIt()
    {
        using var answer = JsonDocument.Parse(DeviceAssessment.Assess(Request(TriageTestInputs.TypicalCramp, "{\"calfDifferenceUrgentMm\":20}")));

        Assert.Contains("options.calfDifferenceUrgentMm", answer.RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void AssessMany_ArrayOfRequests_OneCardEachInOrder()
    {
        var inputs = new[] { TriageTestInputs.TypicalCramp, TriageTestInputs.TypicalCramp with { ChestPain = true }, TriageTestInputs.Postpartum(10) };

        using var cards = JsonDocument.Parse(DeviceAssessment.AssessMany("[" + string.Join(',', inputs.Select(i => Request(i))) + "]"));

        Assert.Equal(inputs.Select(i => DeviceAssessment.Assess(Request(i))), cards.RootElement.EnumerateArray().Select(c => c.GetRawText()));
    }

    private static string OptionsJson(TriageOptions options)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            DeviceAssessment.WriteOptions(w, options);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
