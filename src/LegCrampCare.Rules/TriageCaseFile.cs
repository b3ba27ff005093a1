using System.Text;
using System.Text.Json;

namespace LegCrampCare.Rules;

/// <summary>One case of a triage case file: an input and, for checking, what a clinician expects.</summary>
public sealed record TriageCase(string Id, string? Description, TriageInput Input, TriageLevel? Expected, IReadOnlyList<RuleId> ExpectedRules);

/// <summary>A case file that does not follow the format: names the case and the field, never guesses.</summary>
public sealed class TriageCaseFormatException : Exception
{
    public TriageCaseFormatException(string? caseId, string field, string problem)
        : base($"{(caseId is null ? "" : $"Case {caseId}: ")}{field}: {problem}")
    {
        CaseId = caseId;
        Field = field;
        Problem = problem;
    }

    public TriageCaseFormatException()
    {
        Field = "";
        Problem = "";
    }

    public TriageCaseFormatException(string message) : base(message)
    {
        Field = "";
        Problem = message;
    }

    public TriageCaseFormatException(string message, Exception innerException) : base(message, innerException)
    {
        Field = "";
        Problem = message;
    }

    public string? CaseId { get; }

    public string Field { get; }

    public string Problem { get; }
}

/// <summary>
/// Reads and writes the triage case format (shared triage-cases.md, schema "legcrampcare-triage-cases/1"), strictly:
/// unknown properties, unknown enum values, out-of-range numbers and contradictions are errors. Also the format the app
/// stores each assessment's inputs in, so a stored assessment can be replayed through the <c>triage</c> command.
/// </summary>
public static class TriageCaseFile
{
    public const string Schema = "legcrampcare-triage-cases/1";

    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Disallow,
    };

    private static readonly string[] SideCodes = ["none", "left", "right", "both"];

    /// <summary>Output as written in the contract: "2026.2+local.…" and ids as given, not \u-escaped (still valid JSON).</summary>
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// The case format's swelling values, in <see cref="Swelling"/> order from <see cref="Swelling.None"/>: "not-one-leg" is
    /// the quick "no" to "Is one leg swollen?" (<see cref="Swelling.NotOneLeg"/>): answered, but not "none" (2026.2).
    /// </summary>
    private static readonly string[] SwellingCodes = ["none", "one-leg", "whole-leg", "both-ankles-gradual", "not-one-leg"];

    public static IReadOnlyList<TriageCase> Parse(string json)
    {
        using var document = ParseDocument(json, caseId: null);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new TriageCaseFormatException(null, "(file)", "must be a JSON object with \"schema\" and \"cases\".");
        }

        CheckProperties(root, null, "(file)", ["schema", "cases"]);
        if (!root.TryGetProperty("schema", out var schema) || schema.ValueKind != JsonValueKind.String || schema.GetString() != Schema)
        {
            throw new TriageCaseFormatException(null, "schema", $"must be \"{Schema}\".");
        }

        if (!root.TryGetProperty("cases", out var cases) || cases.ValueKind != JsonValueKind.Array)
        {
            throw new TriageCaseFormatException(null, "cases", "must be an array of cases.");
        }

        var result = new List<TriageCase>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var index = 0;
        foreach (var element in cases.EnumerateArray())
        {
            index++;
            var parsed = ParseCase(element, index);
            if (!ids.Add(parsed.Id))
            {
                throw new TriageCaseFormatException(parsed.Id, "id", "is used by more than one case.");
            }

            result.Add(parsed);
        }

        return result;
    }

    /// <summary>
    /// Reads one stored input (a case object without id or expectations), as written by <see cref="ToJson"/>. Unlike a
    /// case file, it may have neither gestational week nor postpartum day (the app assesses episodes when the stage is
    /// not known), and its pain hours may be missing (inputs stored by rule set 2026.1).
    /// </summary>
    public static TriageInput ParseInput(string json)
    {
        using var document = ParseDocument(json, caseId: null);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            throw new TriageCaseFormatException(null, "(input)", "must be a JSON object.");
        }

        CheckProperties(document.RootElement, null, "(input)", ["patient", "episode", "symptoms", "history"]);
        return ParseInput(document.RootElement, null, storedInput: true);
    }

    private static JsonDocument ParseDocument(string json, string? caseId)
    {
        try
        {
            return JsonDocument.Parse(json, DocumentOptions);
        }
        catch (JsonException ex)
        {
            throw new TriageCaseFormatException(caseId, "(file)", $"is not valid JSON (line {ex.LineNumber + 1}, position {ex.BytePositionInLine + 1}).");
        }
    }

    private static TriageCase ParseCase(JsonElement element, int index)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new TriageCaseFormatException($"#{index}", "(case)", "must be a JSON object.");
        }

        string? id = null;
        if (element.TryGetProperty("id", out var idElement))
        {
            id = idElement.ValueKind == JsonValueKind.String ? idElement.GetString() : null;
        }

        if (string.IsNullOrWhiteSpace(id))
        {
            throw new TriageCaseFormatException($"#{index}", "id", "must be a non-empty string.");
        }

        CheckProperties(element, id, "(case)", ["id", "description", "patient", "episode", "symptoms", "history", "expected", "expectedRules"]);

        string? description = null;
        if (element.TryGetProperty("description", out var d) && d.ValueKind != JsonValueKind.Null)
        {
            description = d.ValueKind == JsonValueKind.String
                ? d.GetString()
                : throw new TriageCaseFormatException(id, "description", "must be a string.");
        }

        var input = ParseInput(element, id);

        TriageLevel? expected = null;
        if (element.TryGetProperty("expected", out var e) && e.ValueKind != JsonValueKind.Null)
        {
            if (e.ValueKind != JsonValueKind.String || !TriageLevelNames.TryParse(e.GetString(), out var level))
            {
                throw new TriageCaseFormatException(id, "expected", "must be NONE, ROUTINE, URGENT or EMERGENCY.");
            }

            expected = level;
        }

        var expectedRules = new List<RuleId>();
        if (element.TryGetProperty("expectedRules", out var rules) && rules.ValueKind != JsonValueKind.Null)
        {
            if (rules.ValueKind != JsonValueKind.Array)
            {
                throw new TriageCaseFormatException(id, "expectedRules", "must be an array of rule ids.");
            }

            foreach (var rule in rules.EnumerateArray())
            {
                if (rule.ValueKind != JsonValueKind.String || !RuleIds.TryParse(rule.GetString(), out var ruleId))
                {
                    throw new TriageCaseFormatException(id, "expectedRules", $"{rule.GetRawText()} is not a rule id (EM-1 … NO-2).");
                }

                expectedRules.Add(ruleId);
            }
        }

        return new TriageCase(id, description, input, expected, expectedRules);
    }

    private static TriageInput ParseInput(JsonElement element, string? id, bool storedInput = false)
    {
        var patient = Section(element, id, "patient", ["gestationalWeek", "postpartumDay", "pregnancyEnd", "birth", "riskFactors"]);
        var episode = Section(element, id, "episode",
        [
            "side", "crampMinutes", "crampOver10Minutes", "relieved", "painAfterCramp", "continuousPainMinutes", "heavyAche", "painOnWalkingOrStanding",
            "painPullingToesUp", "tenderness", "hardSoreVein", "swelling", "calfDifferenceCm", "redOrDarkerSkin", "warmth", "fever",
            "buttockGroinOrBackPain",
        ]);
        var symptoms = Section(element, id, "symptoms",
        [
            "suddenBreathlessness", "gradualBreathlessness", "chestPain", "coughingBlood", "fainted", "racingHeart", "dizziness",
            "faceOrHandSwelling", "suddenFeetSwelling", "severeHeadache", "visionProblems", "painBelowRibs",
        ]);
        var history = Section(element, id, "history", ["crampNightsAgo", "sleepBadlyDisturbed"]);

        // Case files use the format's ranges; the app stores whatever the calendar gave (e.g. week 43 when the birth
        // is not recorded yet), and a stored input must always read back.
        var week = Int(patient, id, "patient.gestationalWeek", storedInput ? 0 : 4, storedInput ? int.MaxValue : 42);
        var day = Int(patient, id, "patient.postpartumDay", 0, storedInput ? int.MaxValue : 365);
        if (week is not null && day is not null)
        {
            throw new TriageCaseFormatException(id, "patient.gestationalWeek", "give either gestationalWeek or postpartumDay, not both.");
        }

        if (!storedInput && week is null && day is null)
        {
            throw new TriageCaseFormatException(id, "patient.gestationalWeek", "give gestationalWeek (while pregnant) or postpartumDay (after the pregnancy ended).");
        }

        var pregnancyEnd = Enum(patient, id, "patient.pregnancyEnd", ["birth", "loss"]) switch
        {
            0 => PregnancyEnd.Birth,
            1 => PregnancyEnd.Loss,
            _ => PregnancyEnd.NotGiven,
        };
        if (pregnancyEnd != PregnancyEnd.NotGiven && week is not null)
        {
            throw new TriageCaseFormatException(id, "patient.pregnancyEnd", "must be null while pregnant (gestationalWeek).");
        }

        var birth = Enum(patient, id, "patient.birth", ["vaginal", "operative-vaginal", "caesarean-planned", "caesarean-in-labour"]) switch
        {
            0 => BirthMode.Vaginal,
            1 => BirthMode.OperativeVaginal,
            2 => BirthMode.CaesareanPlanned,
            3 => BirthMode.CaesareanInLabour,
            _ => (BirthMode?)null,
        };
        if (birth is not null && week is not null)
        {
            throw new TriageCaseFormatException(id, "patient.birth", "is only for after birth (postpartumDay), not while pregnant.");
        }

        if (birth is not null && pregnancyEnd == PregnancyEnd.Loss)
        {
            throw new TriageCaseFormatException(id, "patient.birth", "is not for a pregnancy that ended without a birth (pregnancyEnd \"loss\").");
        }

        var crampMinutes = Number(episode, id, "episode.crampMinutes");
        var over10 = Bool(episode, id, "episode.crampOver10Minutes");
        if (crampMinutes is { } minutes && over10 is { } over && over != minutes > TriageOptions.Default.TypicalCrampMaxMinutes)
        {
            throw new TriageCaseFormatException(id, "episode.crampOver10Minutes",
                $"is {(over ? "true" : "false")} but crampMinutes is {minutes.ToString(System.Globalization.CultureInfo.InvariantCulture)}: they must agree.");
        }

        var painAfter = PainAfter(episode, id, storedInput);
        return new TriageInput
        {
            GestationalWeek = week,
            PostpartumDay = day,
            PregnancyEnd = pregnancyEnd,
            Birth = birth,
            RiskFactors = Risks(patient, id),
            Side = Enum(episode, id, "episode.side", SideCodes) switch
            {
                0 => TriageSide.None,
                1 => TriageSide.Left,
                2 => TriageSide.Right,
                3 => TriageSide.Both,
                _ => TriageSide.NotGiven,
            },
            CrampMinutes = crampMinutes,
            CrampOver10Minutes = over10,
            Relieved = Bool(episode, id, "episode.relieved"),
            HasPainAfterCramp = painAfter.Given,
            PainAfterHours = painAfter.Hours,
            PainAfterImproving = painAfter.Improving,
            PainAfterSide = painAfter.Side,
            PainAfterGone = painAfter.Gone,
            ContinuousPainMinutes = Number(episode, id, "episode.continuousPainMinutes"),
            HeavyAche = Bool(episode, id, "episode.heavyAche"),
            PainOnWalkingOrStanding = Bool(episode, id, "episode.painOnWalkingOrStanding"),
            PainPullingToesUp = Bool(episode, id, "episode.painPullingToesUp"),
            Tenderness = Bool(episode, id, "episode.tenderness"),
            HardSoreVein = Bool(episode, id, "episode.hardSoreVein"),
            Swelling = Enum(episode, id, "episode.swelling", SwellingCodes) switch
            {
                0 => Swelling.None,
                1 => Swelling.OneLeg,
                2 => Swelling.WholeLeg,
                3 => Swelling.BothAnklesGradual,
                4 => Swelling.NotOneLeg,
                _ => Swelling.NotAnswered,
            },
            CalfDifferenceCm = Number(episode, id, "episode.calfDifferenceCm"),
            RedOrDarkerSkin = Bool(episode, id, "episode.redOrDarkerSkin"),
            Warmth = Bool(episode, id, "episode.warmth"),
            Fever = Bool(episode, id, "episode.fever"),
            ButtockGroinOrBackPain = Bool(episode, id, "episode.buttockGroinOrBackPain"),
            SuddenBreathlessness = Bool(symptoms, id, "symptoms.suddenBreathlessness"),
            GradualBreathlessness = Bool(symptoms, id, "symptoms.gradualBreathlessness"),
            ChestPain = Bool(symptoms, id, "symptoms.chestPain"),
            CoughingBlood = Bool(symptoms, id, "symptoms.coughingBlood"),
            Fainted = Bool(symptoms, id, "symptoms.fainted"),
            RacingHeart = Bool(symptoms, id, "symptoms.racingHeart"),
            Dizziness = Bool(symptoms, id, "symptoms.dizziness"),
            FaceOrHandSwelling = Bool(symptoms, id, "symptoms.faceOrHandSwelling"),
            SuddenFeetSwelling = Bool(symptoms, id, "symptoms.suddenFeetSwelling"),
            SevereHeadache = Bool(symptoms, id, "symptoms.severeHeadache"),
            VisionProblems = Bool(symptoms, id, "symptoms.visionProblems"),
            PainBelowRibs = Bool(symptoms, id, "symptoms.painBelowRibs"),
            CrampNightsAgo = Nights(history, id),
            SleepBadlyDisturbed = Bool(history, id, "history.sleepBadlyDisturbed"),
        };
    }

    private static JsonElement? Section(JsonElement parent, string? id, string name, string[] allowed)
    {
        if (!parent.TryGetProperty(name, out var section) || section.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (section.ValueKind != JsonValueKind.Object)
        {
            throw new TriageCaseFormatException(id, name, "must be a JSON object.");
        }

        CheckProperties(section, id, name, allowed);
        return section;
    }

    private static void CheckProperties(JsonElement element, string? id, string where, string[] allowed)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            var path = where.StartsWith('(') ? property.Name : $"{where}.{property.Name}";
            if (Array.IndexOf(allowed, property.Name) < 0)
            {
                throw new TriageCaseFormatException(id, path, "is not a known property.");
            }

            if (!seen.Add(property.Name))
            {
                throw new TriageCaseFormatException(id, path, "is given twice.");
            }
        }
    }

    private static JsonElement? Value(JsonElement? section, string path)
    {
        var name = path[(path.LastIndexOf('.') + 1)..];
        return section is { } s && s.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;
    }

    private static bool? Bool(JsonElement? section, string? id, string path) => Value(section, path) switch
    {
        null => null,
        { ValueKind: JsonValueKind.True } => true,
        { ValueKind: JsonValueKind.False } => false,
        _ => throw new TriageCaseFormatException(id, path, "must be true, false or null."),
    };

    private static decimal? Number(JsonElement? section, string? id, string path)
    {
        if (Value(section, path) is not { } value)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDecimal(out var number))
        {
            throw new TriageCaseFormatException(id, path, "must be a number or null.");
        }

        return number < 0 ? throw new TriageCaseFormatException(id, path, $"must not be negative (was {value.GetRawText()}).") : number;
    }

    private static int? Int(JsonElement? section, string? id, string path, int min, int max)
    {
        if (Value(section, path) is not { } value)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var number))
        {
            throw new TriageCaseFormatException(id, path, $"must be a whole number from {min} to {max}.");
        }

        return number < min || number > max
            ? throw new TriageCaseFormatException(id, path, $"must be from {min} to {max} (was {number}).")
            : number;
    }

    private static int Enum(JsonElement? section, string? id, string path, string[] values)
    {
        if (Value(section, path) is not { } value)
        {
            return -1;
        }

        var index = value.ValueKind == JsonValueKind.String ? Array.IndexOf(values, value.GetString()) : -1;
        return index >= 0
            ? index
            : throw new TriageCaseFormatException(id, path, $"{value.GetRawText()} is not one of: {string.Join(", ", values)}.");
    }

    private static (bool Given, decimal? Hours, bool? Improving, TriageSide Side, bool? Gone) PainAfter(JsonElement? episode, string? id, bool storedInput)
    {
        const string path = "episode.painAfterCramp";
        if (Value(episode, path) is not { } value)
        {
            return (false, null, null, TriageSide.NotGiven, null);
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            throw new TriageCaseFormatException(id, path,
                "must be null or { \"hours\": number, \"improving\": bool, \"side\": \"left\", \"right\" or \"both\", \"gone\": bool }.");
        }

        CheckProperties(value, id, path, ["hours", "improving", "side", "gone"]);
        var hours = Number(value, id, path + ".hours");
        if (hours is null && !storedInput)
        {
            // A case file never leaves the hours unknown (the app fills them: README §2, "How the app fills the inputs").
            throw new TriageCaseFormatException(id, path + ".hours", "is required: a number of hours, 0 or more.");
        }

        var side = Enum(value, id, path + ".side", ["left", "right", "both"]) switch
        {
            0 => TriageSide.Left,
            1 => TriageSide.Right,
            2 => TriageSide.Both,
            _ => TriageSide.NotGiven,
        };
        return (true, hours, Bool(value, id, path + ".improving"), side, Bool(value, id, path + ".gone"));
    }

    private static RiskFactors Risks(JsonElement? patient, string? id)
    {
        const string path = "patient.riskFactors";
        if (Value(patient, path) is not { } value)
        {
            return RiskFactors.None;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            throw new TriageCaseFormatException(id, path, "must be an array of risk factor names.");
        }

        var set = RiskFactors.None;
        foreach (var item in value.EnumerateArray())
        {
            var code = item.ValueKind == JsonValueKind.String ? item.GetString() : null;
            var info = RiskFactorCatalog.All.FirstOrDefault(r => r.Code == code)
                ?? throw new TriageCaseFormatException(id, path, $"{item.GetRawText()} is not a known risk factor.");
            set |= info.Flag;
        }

        return set;
    }

    private static uint Nights(JsonElement? history, string? id)
    {
        const string path = "history.crampNightsAgo";
        if (Value(history, path) is not { } value)
        {
            return 0;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            throw new TriageCaseFormatException(id, path, "must be an array of whole numbers from 1 to 28.");
        }

        uint mask = 0;
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Number || !item.TryGetInt32(out var n) || n < 1 || n > TriageInput.MaxNightsAgo)
            {
                throw new TriageCaseFormatException(id, path, $"{item.GetRawText()} is not a whole number from 1 to 28.");
            }

            if ((mask & (1u << n)) != 0)
            {
                throw new TriageCaseFormatException(id, path, $"{n} is given more than once.");
            }

            mask |= 1u << n;
        }

        return mask;
    }

    /// <summary>
    /// The input as a case-format object (patient, episode, symptoms, history), every field written, nulls included;
    /// <see cref="ParseInput(string)"/> reads it back to an equal input.
    /// </summary>
    public static string ToJson(in TriageInput input)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, WriterOptions))
        {
            w.WriteStartObject();
            w.WriteStartObject("patient");
            WriteInt(w, "gestationalWeek", input.GestationalWeek);
            WriteInt(w, "postpartumDay", input.PostpartumDay);
            switch (input.PregnancyEnd)
            {
                case PregnancyEnd.Birth: w.WriteString("pregnancyEnd", "birth"); break;
                case PregnancyEnd.Loss: w.WriteString("pregnancyEnd", "loss"); break;
                default: w.WriteNull("pregnancyEnd"); break;
            }

            if (input.Birth is { } birth)
            {
                w.WriteString("birth", birth switch
                {
                    BirthMode.Vaginal => "vaginal",
                    BirthMode.OperativeVaginal => "operative-vaginal",
                    BirthMode.CaesareanPlanned => "caesarean-planned",
                    _ => "caesarean-in-labour",
                });
            }

            w.WriteStartArray("riskFactors");
            foreach (var risk in RiskFactorCatalog.In(input.RiskFactors))
            {
                w.WriteStringValue(risk.Code);
            }

            w.WriteEndArray();
            w.WriteEndObject();

            w.WriteStartObject("episode");
            if (input.Side == TriageSide.NotGiven)
            {
                w.WriteNull("side");
            }
            else
            {
                w.WriteString("side", SideCodes[(int)input.Side - 1]);
            }

            WriteNumber(w, "crampMinutes", input.CrampMinutes);
            WriteBool(w, "crampOver10Minutes", input.CrampOver10Minutes);
            WriteBool(w, "relieved", input.Relieved);
            if (input.HasPainAfterCramp)
            {
                w.WriteStartObject("painAfterCramp");
                WriteNumber(w, "hours", input.PainAfterHours);
                WriteBool(w, "improving", input.PainAfterImproving);
                if (input.PainAfterSide is TriageSide.Left or TriageSide.Right or TriageSide.Both)
                {
                    w.WriteString("side", SideCodes[(int)input.PainAfterSide - 1]);
                }
                else
                {
                    w.WriteNull("side");
                }

                WriteBool(w, "gone", input.PainAfterGone);
                w.WriteEndObject();
            }
            else
            {
                w.WriteNull("painAfterCramp");
            }

            WriteNumber(w, "continuousPainMinutes", input.ContinuousPainMinutes);
            WriteBool(w, "heavyAche", input.HeavyAche);
            WriteBool(w, "painOnWalkingOrStanding", input.PainOnWalkingOrStanding);
            WriteBool(w, "painPullingToesUp", input.PainPullingToesUp);
            WriteBool(w, "tenderness", input.Tenderness);
            WriteBool(w, "hardSoreVein", input.HardSoreVein);
            WriteBool(w, "redOrDarkerSkin", input.RedOrDarkerSkin);
            WriteBool(w, "warmth", input.Warmth);
            WriteBool(w, "fever", input.Fever);
            WriteBool(w, "buttockGroinOrBackPain", input.ButtockGroinOrBackPain);
            switch (input.Swelling)
            {
                case Swelling.None: w.WriteString("swelling", "none"); break;
                case Swelling.OneLeg: w.WriteString("swelling", "one-leg"); break;
                case Swelling.WholeLeg: w.WriteString("swelling", "whole-leg"); break;
                case Swelling.BothAnklesGradual: w.WriteString("swelling", "both-ankles-gradual"); break;
                case Swelling.NotOneLeg: w.WriteString("swelling", "not-one-leg"); break; // answered, but not "none"
                default: w.WriteNull("swelling"); break;
            }

            WriteNumber(w, "calfDifferenceCm", input.CalfDifferenceCm);
            w.WriteEndObject();

            w.WriteStartObject("symptoms");
            WriteBool(w, "suddenBreathlessness", input.SuddenBreathlessness);
            WriteBool(w, "gradualBreathlessness", input.GradualBreathlessness);
            WriteBool(w, "chestPain", input.ChestPain);
            WriteBool(w, "coughingBlood", input.CoughingBlood);
            WriteBool(w, "fainted", input.Fainted);
            WriteBool(w, "racingHeart", input.RacingHeart);
            WriteBool(w, "dizziness", input.Dizziness);
            WriteBool(w, "faceOrHandSwelling", input.FaceOrHandSwelling);
            WriteBool(w, "suddenFeetSwelling", input.SuddenFeetSwelling);
            WriteBool(w, "severeHeadache", input.SevereHeadache);
            WriteBool(w, "visionProblems", input.VisionProblems);
            WriteBool(w, "painBelowRibs", input.PainBelowRibs);
            w.WriteEndObject();

            w.WriteStartObject("history");
            w.WriteStartArray("crampNightsAgo");
            foreach (var n in input.NightsAgo())
            {
                w.WriteNumberValue(n);
            }

            w.WriteEndArray();
            WriteBool(w, "sleepBadlyDisturbed", input.SleepBadlyDisturbed);
            w.WriteEndObject();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteBool(Utf8JsonWriter w, string name, bool? value)
    {
        if (value is { } b)
        {
            w.WriteBoolean(name, b);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private static void WriteNumber(Utf8JsonWriter w, string name, decimal? value)
    {
        if (value is { } n)
        {
            w.WriteNumber(name, n);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private static void WriteInt(Utf8JsonWriter w, string name, int? value)
    {
        if (value is { } n)
        {
            w.WriteNumber(name, n);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    /// <summary>One result line of the <c>triage</c> command: id, level, rules (table order), ruleSet, leftScore, rcogPoints.</summary>
    public static string ResultLine(string id, TriageResult result)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, WriterOptions))
        {
            w.WriteStartObject();
            w.WriteString("id", id);
            w.WriteString("level", result.Level.ToCode());
            w.WriteStartArray("rules");
            foreach (var rule in result.Rules)
            {
                w.WriteStringValue(rule.ToCode());
            }

            w.WriteEndArray();
            w.WriteString("ruleSet", result.RuleSetVersion);
            WriteInt(w, "leftScore", result.LeftScore);
            w.WriteNumber("rcogPoints", result.RcogPoints);
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
