using System.Globalization;
using System.Text;
using System.Text.Json;

namespace LegCrampCare.Rules;

/// <summary>
/// One assessment as text in and text out: the offline quick log's entry into the rules (ADR 0021). The browser's
/// WebAssembly build exports exactly these methods, and the server answers with the same card model
/// (<see cref="CardJson"/>), so a card made on the phone and one made by the server for the same input are the same
/// JSON — the parity test compares them byte for byte.
/// </summary>
/// <remarks>
/// A request is a JSON object:
/// <code>
/// { "input": { …the triage case format's patient, episode, symptoms, history… },
///   "options": { "typicalCrampMaxMinutes": 10, … }   // the server's effective thresholds; omitted: the defaults
///   "assessedAt": "2026-12-07T03:12:00Z",            // when she answered (UTC)
///   "crampStartedAt": "2026-12-07T03:05:00Z",        // optional: W5's clock never starts before the cramp
///   "timeZone": "Europe/London",
///   "contacts": { "emergency": { "tel": "999", "display": "999" }, "maternityTriage": null,
///                 "urgentLineName": "NHS 111", "urgentLine": { "tel": "111", "display": "111" } } }
/// </code>
/// Parsing uses <see cref="JsonDocument"/> and <see cref="Utf8JsonWriter"/> only (no reflection), so the trimmed
/// WebAssembly build keeps everything it needs.
/// </remarks>
public static class DeviceAssessment
{
    /// <summary>
    /// Versions and sentences as written ("2026.2+local.…", "–"), not \u-escaped: the card model is read as JSON by the
    /// quick log, which puts every text in the page as text, never as HTML.
    /// </summary>
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly Dictionary<TriageOptions, TriageEngine> Engines = [];

    private static readonly Dictionary<string, TimeZoneInfo> Zones = new(StringComparer.Ordinal);

    /// <summary>The card model for one request, as JSON; a malformed request answers <c>{"error": "…"}</c>.</summary>
    public static string Assess(string requestJson)
    {
        try
        {
            using var document = JsonDocument.Parse(requestJson);
            return Write(w => WriteCard(w, document.RootElement));
        }
        catch (Exception e) when (e is JsonException or FormatException or ArgumentException or TriageCaseFormatException or TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return Write(w => WriteError(w, e));
        }
    }

    /// <summary>A JSON array of requests → a JSON array of card models, in order (one call for many inputs).</summary>
    public static string AssessMany(string requestsJson)
    {
        using var document = JsonDocument.Parse(requestsJson);
        if (document.RootElement.ValueKind != JsonValueKind.Array)
        {
            throw new FormatException("The requests must be a JSON array.");
        }

        return Write(w =>
        {
            w.WriteStartArray();
            foreach (var request in document.RootElement.EnumerateArray())
            {
                try
                {
                    WriteCard(w, request);
                }
                catch (Exception e) when (e is JsonException or FormatException or ArgumentException or TriageCaseFormatException or TimeZoneNotFoundException or InvalidTimeZoneException)
                {
                    WriteError(w, e);
                }
            }

            w.WriteEndArray();
        });
    }

    /// <summary>An engine per set of thresholds (a device has one; the parity test a few): building one orders the rules.</summary>
    private static TriageEngine EngineFor(TriageOptions options)
    {
        if (options == TriageOptions.Default)
        {
            return TriageEngine.Default;
        }

        lock (Engines)
        {
            if (!Engines.TryGetValue(options, out var engine))
            {
                if (Engines.Count >= 16)
                {
                    Engines.Clear();
                }

                engine = new TriageEngine(options);
                Engines[options] = engine;
            }

            return engine;
        }
    }

    private static TimeZoneInfo ZoneFor(string id)
    {
        lock (Zones)
        {
            if (!Zones.TryGetValue(id, out var zone))
            {
                zone = TimeZoneInfo.FindSystemTimeZoneById(id);
                Zones[id] = zone;
            }

            return zone;
        }
    }

    /// <summary>The card model of an assessment the server made, in the same JSON as the device's.</summary>
    public static string CardJson(TriageResult result, ResultCard card) => Write(w => WriteCardModel(w, result, card));

    private static void WriteCard(Utf8JsonWriter w, JsonElement request)
    {
        if (request.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException("A request must be a JSON object.");
        }

        var input = TriageCaseFile.ParseInput(Required(request, "input").GetRawText());
        var options = request.TryGetProperty("options", out var o) && o.ValueKind == JsonValueKind.Object ? ReadOptions(o) : TriageOptions.Default;
        var engine = EngineFor(options);
        var assessedAt = Instant(Required(request, "assessedAt"), "assessedAt");
        DateTime? crampStartedAt = request.TryGetProperty("crampStartedAt", out var s) && s.ValueKind == JsonValueKind.String ? Instant(s, "crampStartedAt") : null;
        var zone = ZoneFor(Required(request, "timeZone").GetString() ?? "UTC");
        var contacts = ReadContacts(Required(request, "contacts"));

        var result = engine.Evaluate(input);
        var explanation = TriageExplainer.Explain(input, result, engine.Options);
        var card = ResultCardBuilder.Build(explanation, new ResultCardContext(assessedAt, zone, contacts, CrampStartedAtUtc: crampStartedAt));
        WriteCardModel(w, result, card);
    }

    private static void WriteCardModel(Utf8JsonWriter w, TriageResult result, ResultCard card)
    {
        w.WriteStartObject();
        w.WriteString("level", result.Level.ToCode());
        w.WriteString("ruleSetVersion", result.RuleSetVersion);
        w.WriteStartArray("rules");
        foreach (var id in result.Rules)
        {
            w.WriteStringValue(id.ToCode());
        }

        w.WriteEndArray();
        w.WriteString("kind", card.Kind switch
        {
            CardKind.Emergency => "emergency",
            CardKind.Urgent => "urgent",
            CardKind.Routine => "routine",
            CardKind.Incomplete => "incomplete",
            _ => "none",
        });
        w.WriteString("heading", card.Heading);
        if (card.Call is { } call)
        {
            w.WriteStartObject("call");
            w.WriteString("target", call.Target switch
            {
                CallTarget.Emergency => "emergency",
                CallTarget.MaternityTriage => "maternityTriage",
                _ => "urgentLine",
            });
            w.WriteString("label", call.Label);
            w.WriteString("tel", call.Tel);
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("call");
        }

        Strings(w, "actions", card.Actions);
        w.WriteString("reasonsIntro", card.ReasonsIntro);
        Reasons(w, "reasons", card.Reasons);
        Reasons(w, "moreReasons", card.MoreReasons);
        w.WriteString("legAdvice", card.LegAdvice);
        w.WriteStartArray("unanswered");
        foreach (var field in card.Unanswered)
        {
            w.WriteStartObject();
            w.WriteString("path", field.Path());
            w.WriteString("label", field.Label());
            w.WriteEndObject();
        }

        w.WriteEndArray();
        Strings(w, "notAnsweredYet", card.NotAnsweredYet);
        w.WriteString("note", card.Note);
        w.WriteString("forNow", card.ForNow);
        w.WriteString("clock", card.Clock);
        w.WriteBoolean("showsSelfCare", card.ShowsSelfCare);
        w.WriteBoolean("sorenessIsNormal", card.SorenessIsNormal);
        w.WriteBoolean("isReassessment", card.IsReassessment);
        w.WriteBoolean("suggestsAddingNumber", card.SuggestsAddingNumber);
        w.WriteEndObject();
    }

    private static void Strings(Utf8JsonWriter w, string name, IReadOnlyList<string> values)
    {
        w.WriteStartArray(name);
        foreach (var value in values)
        {
            w.WriteStringValue(value);
        }

        w.WriteEndArray();
    }

    private static void Reasons(Utf8JsonWriter w, string name, IReadOnlyList<CardReason> reasons)
    {
        w.WriteStartArray(name);
        foreach (var reason in reasons)
        {
            w.WriteStartObject();
            w.WriteString("rule", reason.Code);
            w.WriteString("level", reason.Level.ToCode());
            w.WriteString("text", reason.Text);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void WriteError(Utf8JsonWriter w, Exception e)
    {
        w.WriteStartObject();
        w.WriteString("error", e.Message);
        w.WriteEndObject();
    }

    private static JsonElement Required(JsonElement request, string name) =>
        request.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value
            : throw new FormatException($"The request has no \"{name}\".");

    private static DateTime Instant(JsonElement value, string name) =>
        value.ValueKind == JsonValueKind.String && DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant)
            ? instant.UtcDateTime
            : throw new FormatException($"\"{name}\" must be a date and time, e.g. 2026-12-07T03:12:00Z.");

    private static ContactNumbers ReadContacts(JsonElement c)
    {
        static PhoneNumber Phone(JsonElement e, string name) => new(
            Required(e, "tel").GetString() ?? throw new FormatException($"\"contacts.{name}.tel\" is required."),
            Required(e, "display").GetString() ?? throw new FormatException($"\"contacts.{name}.display\" is required."));

        var triage = c.TryGetProperty("maternityTriage", out var t) && t.ValueKind == JsonValueKind.Object ? Phone(t, "maternityTriage") : null;
        return new ContactNumbers(
            Phone(Required(c, "emergency"), "emergency"),
            triage,
            Required(c, "urgentLineName").GetString() ?? "",
            Phone(Required(c, "urgentLine"), "urgentLine"));
    }

    /// <summary>The thresholds by their camelCase names; a name the engine does not have is refused, a missing one is the default.</summary>
    private static TriageOptions ReadOptions(JsonElement o)
    {
        var options = TriageOptions.Default;
        foreach (var p in o.EnumerateObject())
        {
            options = p.Name switch
            {
                "typicalCrampMaxMinutes" => options with { TypicalCrampMaxMinutes = p.Value.GetDecimal() },
                "normalSorenessMaxHours" => options with { NormalSorenessMaxHours = p.Value.GetDecimal() },
                "notImprovingUrgentHours" => options with { NotImprovingUrgentHours = p.Value.GetDecimal() },
                "calfDifferenceUrgentCm" => options with { CalfDifferenceUrgentCm = p.Value.GetDecimal() },
                "calfDifferenceRoutineCm" => options with { CalfDifferenceRoutineCm = p.Value.GetDecimal() },
                "highRiskPainHours" => options with { HighRiskPainHours = p.Value.GetDecimal() },
                "combinedPainHours" => options with { CombinedPainHours = p.Value.GetDecimal() },
                "combinedCalfDifferenceCm" => options with { CombinedCalfDifferenceCm = p.Value.GetDecimal() },
                "continuousPainUrgentMinutes" => options with { ContinuousPainUrgentMinutes = p.Value.GetDecimal() },
                "frequentNightsPerWeek" => options with { FrequentNightsPerWeek = p.Value.GetInt32() },
                "frequentConsecutiveWeeks" => options with { FrequentConsecutiveWeeks = p.Value.GetInt32() },
                "postnatalHighRiskDays" => options with { PostnatalHighRiskDays = p.Value.GetInt32() },
                "rcogHighRiskPoints" => options with { RcogHighRiskPoints = p.Value.GetInt32() },
                "firstTrimesterLastWeek" => options with { FirstTrimesterLastWeek = p.Value.GetInt32() },
                _ => throw new FormatException($"\"options.{p.Name}\" is not a threshold of the rules."),
            };
        }

        return options;
    }

    /// <summary>The thresholds as the device's kit carries them (the names <see cref="ReadOptions"/> reads).</summary>
    public static void WriteOptions(Utf8JsonWriter w, TriageOptions o)
    {
        w.WriteStartObject();
        w.WriteNumber("typicalCrampMaxMinutes", o.TypicalCrampMaxMinutes);
        w.WriteNumber("normalSorenessMaxHours", o.NormalSorenessMaxHours);
        w.WriteNumber("notImprovingUrgentHours", o.NotImprovingUrgentHours);
        w.WriteNumber("calfDifferenceUrgentCm", o.CalfDifferenceUrgentCm);
        w.WriteNumber("calfDifferenceRoutineCm", o.CalfDifferenceRoutineCm);
        w.WriteNumber("highRiskPainHours", o.HighRiskPainHours);
        w.WriteNumber("combinedPainHours", o.CombinedPainHours);
        w.WriteNumber("combinedCalfDifferenceCm", o.CombinedCalfDifferenceCm);
        w.WriteNumber("continuousPainUrgentMinutes", o.ContinuousPainUrgentMinutes);
        w.WriteNumber("frequentNightsPerWeek", o.FrequentNightsPerWeek);
        w.WriteNumber("frequentConsecutiveWeeks", o.FrequentConsecutiveWeeks);
        w.WriteNumber("postnatalHighRiskDays", o.PostnatalHighRiskDays);
        w.WriteNumber("rcogHighRiskPoints", o.RcogHighRiskPoints);
        w.WriteNumber("firstTrimesterLastWeek", o.FirstTrimesterLastWeek);
        w.WriteEndObject();
    }

    private static string Write(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, WriterOptions))
        {
            write(w);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
