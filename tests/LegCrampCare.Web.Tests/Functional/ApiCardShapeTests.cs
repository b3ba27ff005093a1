using System.Text;
using System.Text.Json;
using LegCrampCare.Rules;
using LegCrampCare.Web.Api;

namespace LegCrampCare.Web.Tests.Functional;

/// <summary>
/// The API's result card (<c>assessment.card</c>) and the card the offline quick log makes on the phone are one JSON
/// shape (ADR 0021), so the quick log lays out both with one function: for every development case, at a time with a
/// pain-check clock, with and without a maternity triage number, the two are the same bytes.
/// </summary>
public sealed class ApiCardShapeTests
{
    [Fact]
    public void ResultCard_EveryDevelopmentCase_ApiJsonEqualsTheDevicesCardJson()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        ApiJson.Configure(options);
        var cases = TriageCaseFile.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "triage", "cases.dev.json")));
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        var withTriage = new ContactNumbers(new PhoneNumber("999", "999"), new PhoneNumber("+441632960123", "01632 960123"), "NHS 111", new PhoneNumber("111", "111"));
        var kinds = new HashSet<CardKind>();
        foreach (var c in cases)
        {
            foreach (var contacts in new[] { ContactNumbers.UnitedKingdom, withTriage })
            {
                var result = TriageEngine.Default.Evaluate(c.Input);
                var explanation = TriageExplainer.Explain(c.Input, result, TriageEngine.Default.Options);
                var card = ResultCardBuilder.Build(explanation, new ResultCardContext(new DateTime(2026, 12, 7, 3, 0, 0, DateTimeKind.Utc), zone, contacts));
                kinds.Add(card.Kind);

                Assert.Equal(DeviceCard(card), JsonSerializer.Serialize(card, options));
            }
        }

        Assert.Equal(Enum.GetValues<CardKind>().Length, kinds.Count);
    }

    private static string DeviceCard(ResultCard card)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            DeviceAssessment.WriteCard(w, card);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
