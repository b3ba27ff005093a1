using System.Text;
using System.Text.Json;
using LegCrampCare.Core.Domain;
using LegCrampCare.Core.Triage;
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

        Assert.Equal("emergency", card.RootElement.GetProperty("level").GetString());
        Assert.Equal("Call 112 now", card.RootElement.GetProperty("card").GetProperty("heading").GetString());
        Assert.Equal("112", card.RootElement.GetProperty("card").GetProperty("call").GetProperty("tel").GetString());
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

/// <summary>
/// The phone sends her cramp as the quick log keeps it (the API's words), her profile's facts and her other nights; the
/// card it gets is the one the server makes from the stored cramp and profile (one mapping, <see cref="TriageInputs"/>).
/// </summary>
public sealed class DeviceAssessmentFromACrampTests
{
    private static readonly System.Reflection.PropertyInfo[] AnswerProperties =
        typeof(EpisodeAnswers).GetProperties().Where(p => p.CanWrite).ToArray();

    [Fact]
    public void Assess_RandomCrampsAndProfiles_SameCardAsTheServerMakesFromTheStoredCramp()
    {
        var random = new Random(20261207);
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        for (var i = 0; i < 2000; i++)
        {
            var now = new DateTime(2026, 12, 7, 3, 0, 0, DateTimeKind.Utc).AddHours(random.Next(-2000, 2000));
            var episode = RandomEpisode(random, now);
            var profile = RandomProfile(random, now);
            var nights = Enumerable.Range(0, random.Next(0, 12)).Select(_ => episode.Night.AddDays(-random.Next(1, 30))).Distinct().ToList();

            var input = EpisodeAssessor.InputFor(episode, profile, nights, now);
            var result = TriageEngine.Default.Evaluate(input);
            var explanation = TriageExplainer.Explain(input, result, TriageOptions.Default);
            var card = ResultCardBuilder.Build(explanation, ResultCardContext.For(EpisodeAssessor.Facts(episode), explanation, now, zone, ContactNumbers.UnitedKingdom));

            Assert.Equal(DeviceAssessment.CardJson(result, card), DeviceAssessment.Assess(Request(episode, profile, nights, now)));
        }
    }

    private static Episode RandomEpisode(Random random, DateTime now)
    {
        var answers = new EpisodeAnswers();
        foreach (var p in AnswerProperties)
        {
            if (p.PropertyType == typeof(Answer))
            {
                p.SetValue(answers, (Answer)random.Next(0, 3));
            }
        }

        answers.Swelling = (Swelling)random.Next(0, 6);
        answers.PainSide = random.Next(0, 4) is var side and > 0 ? (Side)side : null;
        var started = now.AddMinutes(-random.Next(1, 600));
        return new Episode
        {
            Id = Guid.NewGuid(),
            StartedAtUtc = started,
            Night = PregnancyCalendar.NightOf(started, TimeZoneInfo.FindSystemTimeZoneById("Europe/London")),
            Side = (Side)random.Next(1, 4),
            DurationMinutes = random.Next(0, 3) == 0 ? null : random.Next(0, 30),
            Answers = answers,
            PainAfterHours = random.Next(0, 3) == 0 ? random.Next(0, 300) / 10m : null,
            ContinuousPainMinutes = random.Next(0, 4) == 0 ? random.Next(0, 180) : null,
            CalfDifferenceCm = random.Next(0, 4) == 0 ? random.Next(0, 30) / 10m : null,
        };
    }

    private static PregnancyProfile RandomProfile(Random random, DateTime now)
    {
        var today = DateOnly.FromDateTime(now);
        var risks = RiskFactorCatalog.All.Where(_ => random.Next(0, 8) == 0).Aggregate(RiskFactors.None, (all, r) => all | r.Flag);
        return random.Next(0, 4) switch
        {
            0 => new PregnancyProfile { DueDate = today.AddDays(random.Next(-10, 260)), RiskFactors = risks, TimeZoneId = "Europe/London" },
            1 => new PregnancyProfile { DueDate = today.AddDays(-random.Next(0, 100)), BirthDate = today.AddDays(-random.Next(0, 90)), BirthMode = (BirthMode)random.Next(1, 5), RiskFactors = risks, TimeZoneId = "Europe/London" },
            2 => new PregnancyProfile { DueDate = today.AddDays(100), PregnancyEndedOn = today.AddDays(-random.Next(0, 90)), RiskFactors = risks, TimeZoneId = "Europe/London" },
            _ => new PregnancyProfile { RiskFactors = risks, TimeZoneId = "Europe/London" },
        };
    }

    private static string Word<T>(T value) where T : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    private static string Request(Episode e, PregnancyProfile p, List<DateOnly> nights, DateTime now)
    {
        var answers = new Dictionary<string, string?>();
        foreach (var property in AnswerProperties)
        {
            var value = property.GetValue(e.Answers);
            answers[JsonNamingPolicy.CamelCase.ConvertName(property.Name)] = value is null ? null : JsonNamingPolicy.CamelCase.ConvertName(value.ToString()!);
        }

        var request = new Dictionary<string, object?>
        {
            ["cramp"] = new Dictionary<string, object?>
            {
                ["startedAt"] = e.StartedAtUtc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
                ["side"] = Word(e.Side),
                ["durationMinutes"] = e.DurationMinutes,
                ["answers"] = answers,
                ["painAfterHours"] = e.PainAfterHours,
                ["continuousPainMinutes"] = e.ContinuousPainMinutes,
                ["calfDifferenceCm"] = e.CalfDifferenceCm,
            },
            ["patient"] = new Dictionary<string, object?>
            {
                ["dueDate"] = p.DueDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                ["birthDate"] = p.BirthDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                ["pregnancyEndedOn"] = p.PregnancyEndedOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                ["birthMode"] = p.BirthMode is { } mode ? Word(mode) : null,
                ["riskFactors"] = RiskFactorCatalog.In(p.RiskFactors).Select(r => r.Code).ToList(),
            },
            ["nights"] = nights.Select(n => n.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)).ToList(),
            ["assessedAt"] = now.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
            ["timeZone"] = "Europe/London",
            ["contacts"] = new
            {
                emergency = new { tel = "999", display = "999" },
                maternityTriage = (object?)null,
                urgentLineName = "NHS 111",
                urgentLine = new { tel = "111", display = "111" },
            },
        };
        return JsonSerializer.Serialize(request);
    }
}
