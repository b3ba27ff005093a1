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
        catch (Exception e) when (e is JsonException or FormatException or ArgumentException or InvalidOperationException or TriageCaseFormatException or TimeZoneNotFoundException or InvalidTimeZoneException)
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
                catch (Exception e) when (e is JsonException or FormatException or ArgumentException or InvalidOperationException or TriageCaseFormatException or TimeZoneNotFoundException or InvalidTimeZoneException)
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

        var options = request.TryGetProperty("options", out var o) && o.ValueKind == JsonValueKind.Object ? ReadOptions(o) : TriageOptions.Default;
        var engine = EngineFor(options);
        var assessedAt = Instant(Required(request, "assessedAt"), "assessedAt");
        DateTime? crampStartedAt = request.TryGetProperty("crampStartedAt", out var s) && s.ValueKind == JsonValueKind.String ? Instant(s, "crampStartedAt") : null;
        var zone = ZoneFor(Required(request, "timeZone").GetString() ?? "UTC");
        var contacts = ReadContacts(Required(request, "contacts"));
        if (request.TryGetProperty("input", out var given) && given.ValueKind == JsonValueKind.Object)
        {
            // An engine input as the triage case format writes it (the parity test's generated inputs).
            var input = TriageCaseFile.ParseInput(given.GetRawText());
            var result = engine.Evaluate(input);
            var explanation = TriageExplainer.Explain(input, result, engine.Options);
            WriteCardModel(w, result, ResultCardBuilder.Build(explanation, new ResultCardContext(assessedAt, zone, contacts, CrampStartedAtUtc: crampStartedAt)));
        }
        else
        {
            // Her cramp as the quick log keeps it, her profile's facts and her other nights: mapped and carded as the
            // server does for a cramp she has just saved.
            var cramp = ReadCramp(Required(request, "cramp"), zone);
            var nights = request.TryGetProperty("nights", out var n) && n.ValueKind == JsonValueKind.Array
                ? n.EnumerateArray().Select(d => DateOnly.ParseExact(d.GetString() ?? "", "yyyy-MM-dd", CultureInfo.InvariantCulture)).ToList()
                : [];
            var input = TriageInputs.For(cramp, ReadPatient(Required(request, "patient")), zone, nights, assessedAt);
            var result = engine.Evaluate(input);
            var explanation = TriageExplainer.Explain(input, result, engine.Options);
            WriteCardModel(w, result, ResultCardBuilder.Build(explanation, ResultCardContext.For(cramp, explanation, assessedAt, zone, contacts)));
        }
    }

    /// <summary>
    /// The card model, shaped as the API's <c>assessment</c> (<c>level</c>, <c>ruleSetVersion</c>, <c>rules</c>,
    /// <c>card</c>): names in camelCase, enum values as their camelCase words, rule codes as written ("UR-2"). The quick
    /// log renders the API's answer and the device's with one function.
    /// </summary>
    private static void WriteCardModel(Utf8JsonWriter w, TriageResult result, ResultCard card)
    {
        w.WriteStartObject();
        w.WriteString("level", Word(result.Level));
        w.WriteString("ruleSetVersion", result.RuleSetVersion);
        w.WriteStartArray("rules");
        foreach (var id in result.Rules)
        {
            w.WriteStringValue(id.ToCode());
        }

        w.WriteEndArray();
        w.WritePropertyName("card");
        WriteCard(w, card);
        w.WriteEndObject();
    }

    /// <summary>A result card as JSON, as the API writes <see cref="ResultCard"/> (the same names and words).</summary>
    public static void WriteCard(Utf8JsonWriter w, ResultCard card)
    {
        w.WriteStartObject();
        w.WriteString("kind", Word(card.Kind));
        w.WriteString("heading", card.Heading);
        if (card.Call is { } call)
        {
            w.WriteStartObject("call");
            w.WriteString("target", Word(call.Target));
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
            w.WriteStringValue(Word(field));
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
        w.WriteBoolean("isUrgent", card.IsUrgent);
        w.WriteEndObject();
    }

    /// <summary>An enum value as its camelCase word ("maternityTriage"), as the API writes it.</summary>
    private static string Word<T>(T value) where T : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

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
            w.WriteString("id", reason.Id.ToCode());
            w.WriteString("code", reason.Code);
            w.WriteString("level", Word(reason.Level));
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

    /// <summary>Her profile's facts: <c>{ "dueDate", "birthDate", "pregnancyEndedOn", "birthMode", "riskFactors": [codes] }</c>.</summary>
    private static PatientFacts ReadPatient(JsonElement p)
    {
        var risks = RiskFactors.None;
        if (p.TryGetProperty("riskFactors", out var r) && r.ValueKind == JsonValueKind.Array)
        {
            foreach (var code in r.EnumerateArray())
            {
                risks |= RiskFactorCatalog.All.FirstOrDefault(f => f.Code == code.GetString())?.Flag
                         ?? throw new FormatException($"\"patient.riskFactors\" has an unknown code: {code.GetString()}.");
            }
        }

        return new PatientFacts(Date(p, "dueDate"), Date(p, "birthDate"), Date(p, "pregnancyEndedOn"),
            p.TryGetProperty("birthMode", out var b) && b.ValueKind == JsonValueKind.String ? Word<BirthMode>(b, "patient.birthMode") : null,
            risks);
    }

    /// <summary>A cramp as the quick log keeps it (the API's words): startedAt, side, durationMinutes, answers, pain and calf numbers.</summary>
    private static CrampFacts ReadCramp(JsonElement c, TimeZoneInfo zone)
    {
        var started = Instant(Required(c, "startedAt"), "cramp.startedAt");
        var answers = new EpisodeAnswers();
        if (c.TryGetProperty("answers", out var a) && a.ValueKind == JsonValueKind.Object)
        {
            foreach (var answer in a.EnumerateObject())
            {
                if (answer.Value.ValueKind == JsonValueKind.Null)
                {
                    continue;
                }

                var field = "cramp.answers." + answer.Name;
                switch (answer.Name)
                {
                    case "swelling":
                        answers.Swelling = Word<Swelling>(answer.Value, field);
                        break;
                    case "painSide":
                        answers.PainSide = Word<Side>(answer.Value, field);
                        break;
                    default:
                        var set = AnswerSetters.TryGetValue(answer.Name, out var setter)
                            ? setter
                            : throw new FormatException($"\"{field}\" is not a question.");
                        set(answers, Word<Answer>(answer.Value, field));
                        break;
                }
            }
        }

        return new CrampFacts
        {
            StartedAtUtc = started,
            Night = RulesCalendar.NightOf(started, zone),
            Side = c.TryGetProperty("side", out var side) && side.ValueKind == JsonValueKind.String ? Word<Side>(side, "cramp.side") : default,
            DurationMinutes = c.TryGetProperty("durationMinutes", out var d) && d.ValueKind == JsonValueKind.Number ? d.GetInt32() : null,
            Answers = answers,
            PainAfterHours = c.TryGetProperty("painAfterHours", out var h) && h.ValueKind == JsonValueKind.Number ? h.GetDecimal() : null,
            ContinuousPainMinutes = c.TryGetProperty("continuousPainMinutes", out var m) && m.ValueKind == JsonValueKind.Number ? m.GetInt32() : null,
            CalfDifferenceCm = c.TryGetProperty("calfDifferenceCm", out var cm) && cm.ValueKind == JsonValueKind.Number ? cm.GetDecimal() : null,
        };
    }

    private static readonly Dictionary<string, Action<EpisodeAnswers, Answer>> AnswerSetters = new(StringComparer.Ordinal)
    {
        ["suddenBreathlessness"] = (a, v) => a.SuddenBreathlessness = v,
        ["chestPain"] = (a, v) => a.ChestPain = v,
        ["coughingBlood"] = (a, v) => a.CoughingBlood = v,
        ["fainted"] = (a, v) => a.Fainted = v,
        ["redOrDarkerSkin"] = (a, v) => a.RedOrDarkerSkin = v,
        ["warmth"] = (a, v) => a.Warmth = v,
        ["gradualBreathlessness"] = (a, v) => a.GradualBreathlessness = v,
        ["crampOver10Minutes"] = (a, v) => a.CrampOver10Minutes = v,
        ["easedByStretching"] = (a, v) => a.EasedByStretching = v,
        ["painStillThere"] = (a, v) => a.PainStillThere = v,
        ["painAfterImproving"] = (a, v) => a.PainAfterImproving = v,
        ["heavyAche"] = (a, v) => a.HeavyAche = v,
        ["painOnWalkingOrStanding"] = (a, v) => a.PainOnWalkingOrStanding = v,
        ["painPullingToesUp"] = (a, v) => a.PainPullingToesUp = v,
        ["tenderness"] = (a, v) => a.Tenderness = v,
        ["hardSoreVein"] = (a, v) => a.HardSoreVein = v,
        ["fever"] = (a, v) => a.Fever = v,
        ["buttockGroinOrBackPain"] = (a, v) => a.ButtockGroinOrBackPain = v,
        ["racingHeart"] = (a, v) => a.RacingHeart = v,
        ["dizziness"] = (a, v) => a.Dizziness = v,
        ["faceOrHandSwelling"] = (a, v) => a.FaceOrHandSwelling = v,
        ["suddenFeetSwelling"] = (a, v) => a.SuddenFeetSwelling = v,
        ["severeHeadache"] = (a, v) => a.SevereHeadache = v,
        ["visionProblems"] = (a, v) => a.VisionProblems = v,
        ["painBelowRibs"] = (a, v) => a.PainBelowRibs = v,
        ["sleepBadlyDisturbed"] = (a, v) => a.SleepBadlyDisturbed = v,
    };

    private static DateOnly? Date(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String
            ? DateOnly.TryParseExact(v.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                ? date
                : throw new FormatException($"\"patient.{name}\" must be a date, e.g. 2027-02-01.")
            : null;

    /// <summary>An enum from its camelCase word, as the API writes it ("oneLeg", "left", "yes").</summary>
    private static T Word<T>(JsonElement value, string field) where T : struct, Enum
    {
        var text = value.GetString();
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (Word(candidate) == text)
            {
                return candidate;
            }
        }

        throw new FormatException($"\"{field}\" must be one of: {string.Join(", ", Enum.GetValues<T>().Select(v => Word(v)))}.");
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
