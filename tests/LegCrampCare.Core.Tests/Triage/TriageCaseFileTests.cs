using System.Text.Json.Nodes;
using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;
using LegCrampCare.Core.Triage;
using static LegCrampCare.Core.Tests.Triage.TriageTestInputs;

namespace LegCrampCare.Core.Tests.Triage;

/// <summary>
/// The case format (shared triage-cases.md) is read strictly: every malformed file stops with the case id and the field,
/// never a guess. Stored inputs read back to the same input, and result lines have the documented shape.
/// </summary>
public sealed class TriageCaseFileTests
{
    /// <summary>A valid, fully answered case (a typical cramp at week 30).</summary>
    private static JsonObject ValidCase(string id = "X1") => new()
    {
        ["id"] = id,
        ["description"] = "typical cramp",
        ["patient"] = new JsonObject { ["gestationalWeek"] = 30, ["riskFactors"] = new JsonArray() },
        ["episode"] = new JsonObject
        {
            ["side"] = "left", ["crampMinutes"] = 2, ["relieved"] = true, ["painAfterCramp"] = null, ["continuousPainMinutes"] = null,
            ["heavyAche"] = false, ["painOnWalkingOrStanding"] = false, ["painPullingToesUp"] = false, ["tenderness"] = false,
            ["hardSoreVein"] = false, ["redOrDarkerSkin"] = false, ["warmth"] = false, ["fever"] = false,
            ["buttockGroinOrBackPain"] = false, ["swelling"] = "none", ["calfDifferenceCm"] = null,
        },
        ["symptoms"] = new JsonObject
        {
            ["suddenBreathlessness"] = false, ["gradualBreathlessness"] = false, ["chestPain"] = false, ["coughingBlood"] = false,
            ["fainted"] = false, ["racingHeart"] = false, ["dizziness"] = false, ["faceOrHandSwelling"] = false,
            ["suddenFeetSwelling"] = false, ["severeHeadache"] = false, ["visionProblems"] = false, ["painBelowRibs"] = false,
        },
        ["history"] = new JsonObject { ["crampNightsAgo"] = new JsonArray(), ["sleepBadlyDisturbed"] = false },
        ["expected"] = "NONE",
        ["expectedRules"] = new JsonArray("NO-1"),
    };

    private static string FileOf(params JsonNode[] cases) =>
        new JsonObject { ["schema"] = TriageCaseFile.Schema, ["cases"] = new JsonArray(cases) }.ToJsonString();

    /// <summary>The valid case with the value at a dotted path set (raw JSON), or removed when <paramref name="rawJson"/> is null.</summary>
    private static JsonObject With(string path, string? rawJson, JsonObject? start = null)
    {
        var node = start ?? ValidCase();
        var parts = path.Split('.');
        var parent = node;
        foreach (var part in parts[..^1])
        {
            parent = (JsonObject)parent[part]!;
        }

        if (rawJson is null)
        {
            parent.Remove(parts[^1]);
        }
        else
        {
            parent[parts[^1]] = JsonNode.Parse(rawJson);
        }

        return node;
    }

    private static TriageCaseFormatException AssertMalformed(string json, string? caseId, string field)
    {
        var ex = Assert.Throws<TriageCaseFormatException>(() => TriageCaseFile.Parse(json));
        Assert.Equal(caseId, ex.CaseId);
        Assert.Equal(field, ex.Field);
        Assert.Contains(field, ex.Message, StringComparison.Ordinal);
        if (caseId is not null)
        {
            Assert.Contains(caseId, ex.Message, StringComparison.Ordinal);
        }

        return ex;
    }

    [Fact]
    public void ValidCase_Parses()
    {
        var cases = TriageCaseFile.Parse(FileOf(ValidCase("A"), ValidCase("B")));

        Assert.Equal(["A", "B"], cases.Select(c => c.Id));
        Assert.Equal(TriageLevel.None, cases[0].Expected);
        Assert.Equal([RuleId.No1], cases[0].ExpectedRules);
        Assert.Equal(TypicalCramp with { Side = TriageSide.Left }, cases[0].Input);
    }

    // ---- the file ----

    [Theory]
    [InlineData("{ not json")]
    [InlineData("{\"schema\":\"legcrampcare-triage-cases/1\",\"cases\":[],}")]
    [InlineData("{\"schema\":\"legcrampcare-triage-cases/1\" /* comment */,\"cases\":[]}")]
    [InlineData("")]
    public void BadJson_Malformed(string json)
    {
        var ex = AssertMalformed(json, null, "(file)");
        Assert.Contains("not valid JSON", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownTopLevelProperty_Malformed() =>
        AssertMalformed("{\"schema\":\"legcrampcare-triage-cases/1\",\"cases\":[],\"version\":2}", null, "version");

    [Theory]
    [InlineData("{\"schema\":\"legcrampcare-triage-cases/2\",\"cases\":[]}")]
    [InlineData("{\"schema\":\"\",\"cases\":[]}")]
    [InlineData("{\"schema\":1,\"cases\":[]}")]
    [InlineData("{\"cases\":[]}")]
    public void WrongOrMissingSchema_Malformed(string json) => AssertMalformed(json, null, "schema");

    [Theory]
    [InlineData("{\"schema\":\"legcrampcare-triage-cases/1\"}")]
    [InlineData("{\"schema\":\"legcrampcare-triage-cases/1\",\"cases\":{}}")]
    public void MissingCases_Malformed(string json) => AssertMalformed(json, null, "cases");

    [Fact]
    public void NotAnObject_Malformed() => AssertMalformed("[]", null, "(file)");

    [Fact]
    public void DuplicateCaseIds_MalformedNamingTheId() =>
        AssertMalformed(FileOf(ValidCase("D1"), ValidCase("D2"), ValidCase("D1")), "D1", "id");

    [Fact]
    public void CaseWithoutId_MalformedNamingItsPosition() =>
        AssertMalformed(FileOf(ValidCase("D1"), With("id", null)), "#2", "id");

    [Fact]
    public void PropertyGivenTwice_Malformed()
    {
        var json = FileOf(ValidCase()).Replace("\"relieved\":true", "\"relieved\":true,\"relieved\":false", StringComparison.Ordinal);

        AssertMalformed(json, "X1", "episode.relieved");
    }

    // ---- a case: unknown properties, enum values, ranges and contradictions ----

    [Theory]
    [InlineData("colour", "1", "colour")]                                        // unknown property in a case
    [InlineData("patient.weight", "70", "patient.weight")]                      // ... in patient
    [InlineData("episode.colour", "\"red\"", "episode.colour")]                 // ... in episode
    [InlineData("symptoms.nausea", "true", "symptoms.nausea")]                  // ... in symptoms
    [InlineData("history.crampDays", "[]", "history.crampDays")]                // ... in history
    [InlineData("episode.painAfterCramp", "{\"hours\":1,\"improving\":true,\"severity\":2}", "episode.painAfterCramp.severity")]
    [InlineData("episode.side", "\"middle\"", "episode.side")]                  // unknown enum values
    [InlineData("episode.side", "\"LEFT\"", "episode.side")]
    [InlineData("episode.swelling", "\"ankles\"", "episode.swelling")]
    [InlineData("episode.swelling", "\"not-one-leg \"", "episode.swelling")]
    [InlineData("patient.pregnancyEnd", "\"loss\"", "patient.pregnancyEnd")]      // 2026.2: only after the pregnancy ended
    [InlineData("patient.pregnancyEnd", "\"birth\"", "patient.pregnancyEnd")]
    [InlineData("patient.pregnancyEnd", "\"miscarriage\"", "patient.pregnancyEnd")]
    [InlineData("episode.crampOver10Minutes", "true", "episode.crampOver10Minutes")] // disagrees with crampMinutes 2
    [InlineData("episode.crampOver10Minutes", "\"no\"", "episode.crampOver10Minutes")]
    [InlineData("episode.painAfterCramp", "{\"improving\":true}", "episode.painAfterCramp.hours")]
    [InlineData("episode.painAfterCramp", "{\"hours\":null,\"improving\":true}", "episode.painAfterCramp.hours")]
    [InlineData("episode.painAfterCramp", "{\"hours\":1,\"side\":\"none\"}", "episode.painAfterCramp.side")]
    [InlineData("episode.painAfterCramp", "{\"hours\":1,\"gone\":\"yes\"}", "episode.painAfterCramp.gone")]
    [InlineData("symptoms.suddenFeetSwelling", "1", "symptoms.suddenFeetSwelling")]
    [InlineData("expected", "\"HIGH\"", "expected")]
    [InlineData("expected", "\"none\"", "expected")]
    [InlineData("patient.riskFactors", "[\"diabetes\"]", "patient.riskFactors")]
    [InlineData("patient.riskFactors", "[\"smoker\",\"bmi-35\"]", "patient.riskFactors")]
    [InlineData("patient.riskFactors", "\"smoker\"", "patient.riskFactors")]
    [InlineData("expectedRules", "[\"UR-21\"]", "expectedRules")]
    [InlineData("expectedRules", "[\"NO-1\",\"ur-1\"]", "expectedRules")]
    [InlineData("expectedRules", "\"NO-1\"", "expectedRules")]
    [InlineData("patient.gestationalWeek", "3", "patient.gestationalWeek")]      // ranges
    [InlineData("patient.gestationalWeek", "43", "patient.gestationalWeek")]
    [InlineData("patient.gestationalWeek", "30.5", "patient.gestationalWeek")]
    [InlineData("patient.gestationalWeek", "\"30\"", "patient.gestationalWeek")]
    [InlineData("episode.calfDifferenceCm", "-0.5", "episode.calfDifferenceCm")]
    [InlineData("episode.crampMinutes", "-1", "episode.crampMinutes")]
    [InlineData("episode.continuousPainMinutes", "-0.01", "episode.continuousPainMinutes")]
    [InlineData("episode.painAfterCramp", "{\"hours\":-2,\"improving\":true}", "episode.painAfterCramp.hours")]
    [InlineData("episode.painAfterCramp", "{\"hours\":2,\"improving\":\"yes\"}", "episode.painAfterCramp.improving")]
    [InlineData("episode.painAfterCramp", "true", "episode.painAfterCramp")]
    [InlineData("episode.crampMinutes", "\"5\"", "episode.crampMinutes")]
    [InlineData("episode.relieved", "\"yes\"", "episode.relieved")]
    [InlineData("episode.relieved", "1", "episode.relieved")]
    [InlineData("history.crampNightsAgo", "[0]", "history.crampNightsAgo")]
    [InlineData("history.crampNightsAgo", "[29]", "history.crampNightsAgo")]
    [InlineData("history.crampNightsAgo", "[1,2,1]", "history.crampNightsAgo")]
    [InlineData("history.crampNightsAgo", "[1.5]", "history.crampNightsAgo")]
    [InlineData("history.crampNightsAgo", "3", "history.crampNightsAgo")]
    [InlineData("history.sleepBadlyDisturbed", "\"often\"", "history.sleepBadlyDisturbed")]
    [InlineData("episode", "[]", "episode")]
    [InlineData("description", "42", "description")]
    public void MalformedCase_NamesTheCaseAndTheField(string path, string rawJson, string field) =>
        AssertMalformed(FileOf(ValidCase("OK1"), With(path, rawJson, ValidCase("BAD7")), ValidCase("OK2")), "BAD7", field);

    [Fact]
    public void BothGestationalWeekAndPostpartumDay_Malformed() =>
        AssertMalformed(FileOf(With("patient.postpartumDay", "10", ValidCase("S1"))), "S1", "patient.gestationalWeek");

    [Fact]
    public void NeitherGestationalWeekNorPostpartumDay_Malformed() =>
        AssertMalformed(FileOf(With("patient.gestationalWeek", null, ValidCase("S2"))), "S2", "patient.gestationalWeek");

    [Fact]
    public void NullGestationalWeekWithoutPostpartumDay_Malformed() =>
        AssertMalformed(FileOf(With("patient.gestationalWeek", "null", ValidCase("S3"))), "S3", "patient.gestationalWeek");

    [Fact]
    public void BirthWhilePregnant_Malformed() =>
        AssertMalformed(FileOf(With("patient.birth", "\"vaginal\"", ValidCase("B1"))), "B1", "patient.birth");

    private static JsonObject PostpartumCase(string id, string day)
    {
        var c = With("patient.gestationalWeek", null, ValidCase(id));
        return With("patient.postpartumDay", day, c);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("366")]
    [InlineData("1000")]
    [InlineData("10.5")]
    public void PostpartumDayOutOfRange_Malformed(string day) =>
        AssertMalformed(FileOf(PostpartumCase("P1", day)), "P1", "patient.postpartumDay");

    [Theory]
    [InlineData("\"natural\"")]
    [InlineData("\"caesarean\"")]
    [InlineData("4")]
    public void UnknownBirthMode_Malformed(string birth) =>
        AssertMalformed(FileOf(With("patient.birth", birth, PostpartumCase("P2", "10"))), "P2", "patient.birth");

    [Theory]
    [InlineData("0", null)]
    [InlineData("365", null)]
    [InlineData("10", "\"vaginal\"")]
    [InlineData("10", "\"operative-vaginal\"")]
    [InlineData("10", "\"caesarean-planned\"")]
    [InlineData("10", "\"caesarean-in-labour\"")]
    public void PostpartumCase_EveryBirthMode_Parses(string day, string? birth)
    {
        var c = PostpartumCase("P3", day);
        if (birth is not null)
        {
            c = With("patient.birth", birth, c);
        }

        var input = TriageCaseFile.Parse(FileOf(c))[0].Input;

        Assert.Null(input.GestationalWeek);
        Assert.Equal(int.Parse(day, System.Globalization.CultureInfo.InvariantCulture), input.PostpartumDay);
        Assert.Equal(birth is null, input.Birth is null);
    }

    [Fact]
    public void EveryRiskFactorCode_Parses()
    {
        var codes = new JsonArray(RiskFactorCatalog.All.Select(r => (JsonNode)JsonValue.Create(r.Code)!).ToArray());
        var input = TriageCaseFile.Parse(FileOf(With("patient.riskFactors", codes.ToJsonString())))[0].Input;

        Assert.Equal(AllRiskFactors.Aggregate(RiskFactors.None, (set, f) => set | f), input.RiskFactors);
    }

    // ---- missing means null ----

    [Fact]
    public void MissingFields_MeanNotAnswered()
    {
        var minimal = new JsonObject { ["id"] = "M1", ["patient"] = new JsonObject { ["gestationalWeek"] = 30 } };

        var parsed = TriageCaseFile.Parse(FileOf(minimal))[0];

        Assert.Equal(new TriageInput { GestationalWeek = 30 }, parsed.Input);
        Assert.Null(parsed.Expected);
        Assert.Empty(parsed.ExpectedRules);
        Assert.Null(parsed.Description);
        var result = TriageEngine.Default.Evaluate(parsed.Input);
        Assert.Equal(TriageLevel.Routine, result.Level);
        Assert.True(result.Rules.Contains(RuleId.Fs1));
    }

    [Fact]
    public void ExplicitNulls_SameAsMissing()
    {
        var nulls = new JsonObject
        {
            ["id"] = "M2",
            ["patient"] = new JsonObject { ["gestationalWeek"] = 30, ["postpartumDay"] = null, ["birth"] = null, ["riskFactors"] = null },
            ["episode"] = new JsonObject { ["side"] = null, ["swelling"] = null, ["painAfterCramp"] = null, ["calfDifferenceCm"] = null, ["relieved"] = null },
            ["symptoms"] = new JsonObject { ["chestPain"] = null, ["fainted"] = null },
            ["history"] = new JsonObject { ["crampNightsAgo"] = null, ["sleepBadlyDisturbed"] = null },
            ["expected"] = null,
            ["expectedRules"] = null,
        };
        var sectionsNull = new JsonObject { ["id"] = "M3", ["patient"] = new JsonObject { ["gestationalWeek"] = 30 }, ["episode"] = null, ["symptoms"] = null, ["history"] = null };

        var cases = TriageCaseFile.Parse(FileOf(nulls, sectionsNull));

        Assert.Equal(new TriageInput { GestationalWeek = 30 }, cases[0].Input);
        Assert.Equal(new TriageInput { GestationalWeek = 30 }, cases[1].Input);
    }

    [Fact]
    public void PainAfterCrampWithOnlyHours_IsGivenStillThere_ImprovingAndSideNotAnswered()
    {
        var input = TriageCaseFile.Parse(FileOf(With("episode.painAfterCramp", "{\"hours\":3}")))[0].Input;

        Assert.True(input.HasPainAfterCramp);
        Assert.Equal(3m, input.PainAfterHours);
        Assert.Null(input.PainAfterImproving);
        Assert.Equal(TriageSide.NotGiven, input.PainAfterSide);
        Assert.Null(input.PainAfterGone);
    }

    [Fact]
    public void Version2026Point2Fields_Parse()
    {
        var c = With("patient.gestationalWeek", null, ValidCase("N1"));
        c = With("patient.postpartumDay", "20", c);
        c = With("patient.pregnancyEnd", "\"loss\"", c);
        c = With("episode.crampMinutes", "null", c);
        c = With("episode.crampOver10Minutes", "true", c);
        c = With("episode.painAfterCramp", "{\"hours\":2.5,\"improving\":false,\"side\":\"right\",\"gone\":true}", c);
        c = With("symptoms.suddenFeetSwelling", "true", c);
        c = With("episode.swelling", "\"not-one-leg\"", c);

        var input = TriageCaseFile.Parse(FileOf(c))[0].Input;

        Assert.Equal(PregnancyEnd.Loss, input.PregnancyEnd);
        Assert.Equal(20, input.PostpartumDay);
        Assert.True(input.CrampOver10Minutes);
        Assert.Equal((2.5m, false, TriageSide.Right, true), (input.PainAfterHours!.Value, input.PainAfterImproving!.Value, input.PainAfterSide, input.PainAfterGone!.Value));
        Assert.True(input.SuddenFeetSwelling);
        Assert.Equal(Swelling.NotOneLeg, input.Swelling);
    }

    [Theory]
    [InlineData("5", "true")]
    [InlineData("10", "true")]
    [InlineData("11", "false")]
    public void CrampOver10MinutesDisagreeingWithCrampMinutes_Malformed(string minutes, string over10)
    {
        var c = With("episode.crampMinutes", minutes, ValidCase("C1"));
        c = With("episode.crampOver10Minutes", over10, c);

        AssertMalformed(FileOf(c), "C1", "episode.crampOver10Minutes");
    }

    [Fact]
    public void BirthWithALoss_Malformed()
    {
        var c = With("patient.gestationalWeek", null, ValidCase("L1"));
        c = With("patient.postpartumDay", "5", c);
        c = With("patient.pregnancyEnd", "\"loss\"", c);
        c = With("patient.birth", "\"vaginal\"", c);

        AssertMalformed(FileOf(c), "L1", "patient.birth");
    }

    [Fact]
    public void StoredInputFrom2026Point1_PainAfterWithoutHours_StillReads()
    {
        var input = TriageCaseFile.ParseInput("{\"patient\":{\"gestationalWeek\":30},\"episode\":{\"painAfterCramp\":{\"hours\":null,\"improving\":null}}}");

        Assert.True(input.HasPainAfterCramp);
        Assert.Null(input.PainAfterHours);
    }

    // ---- stored inputs: ToJson -> ParseInput ----

    public static TheoryData<string> RoundTripInputs => new()
    {
        "typical", "nothing", "stage-unknown", "postpartum-everything", "not-one-leg", "decimals", "history", "pain-after-unknown",
        "loss", "pain-after-2026.2", "over-10",
    };

    private static TriageInput RoundTripInput(string name) => name switch
    {
        "typical" => TypicalCramp,
        "nothing" => new TriageInput(),
        "stage-unknown" => TypicalCramp with { GestationalWeek = null, Birth = BirthMode.CaesareanPlanned },
        "postpartum-everything" => Postpartum(365, BirthMode.CaesareanInLabour) with
        {
            RiskFactors = AllRiskFactors.Aggregate(RiskFactors.None, (set, f) => set | f),
            Swelling = Swelling.WholeLeg, SuddenBreathlessness = true, RacingHeart = null, Side = TriageSide.Both,
        },
        "not-one-leg" => TypicalCramp with { Swelling = Swelling.NotOneLeg },
        "decimals" => TypicalCramp with { CrampMinutes = 0.05m, CalfDifferenceCm = 1.90m, ContinuousPainMinutes = 1234.567m },
        "history" => TypicalCramp with { CrampNightsAgo = TriageInput.NightsAgoMask([1, 7, 13, 14, 28]), SleepBadlyDisturbed = null, Side = TriageSide.None },
        "loss" => AfterLoss(30) with { SuddenFeetSwelling = true },
        "pain-after-2026.2" => PainAfter(TypicalCramp, 4.5m, improving: null, gone: true, side: TriageSide.Both),
        "over-10" => TypicalCramp with { CrampMinutes = null, CrampOver10Minutes = true },
        _ => TypicalCramp with { HasPainAfterCramp = true, PainAfterHours = null, PainAfterImproving = false, Side = TriageSide.NotGiven },
    };

    [Theory]
    [MemberData(nameof(RoundTripInputs))]
    public void ToJsonThenParseInput_GivesAnEqualInputAndResult(string name)
    {
        var input = RoundTripInput(name);

        var readBack = TriageCaseFile.ParseInput(TriageCaseFile.ToJson(input));

        Assert.Equal(input, readBack);
        Assert.Equal(TriageEngine.Default.Evaluate(input), TriageEngine.Default.Evaluate(readBack));
    }

    [Fact]
    public void ToJsonThenParseInput_EveryDevelopmentCase()
    {
        foreach (var triageCase in DevelopmentCases.All)
        {
            Assert.Equal(triageCase.Input, TriageCaseFile.ParseInput(TriageCaseFile.ToJson(triageCase.Input)));
        }
    }

    [Fact]
    public void NotOneLeg_StoredAsItsOwnValue_AndStaysAnswered()
    {
        var input = TypicalCramp with { Swelling = Swelling.NotOneLeg };

        var json = TriageCaseFile.ToJson(input);
        var readBack = TriageCaseFile.ParseInput(json);

        Assert.Contains("\"swelling\":\"not-one-leg\"", json, StringComparison.Ordinal);
        Assert.Equal(Swelling.NotOneLeg, readBack.Swelling);
        Assert.False(TriageEngine.Default.Evaluate(readBack).Rules.Contains(RuleId.Fs1));
    }

    [Fact]
    public void ParseInput_IsStrictToo()
    {
        var ex = Assert.Throws<TriageCaseFormatException>(() => TriageCaseFile.ParseInput("{\"episode\":{\"swelling\":\"puffy\"}}"));
        Assert.Equal("episode.swelling", ex.Field);
        ex = Assert.Throws<TriageCaseFormatException>(() => TriageCaseFile.ParseInput("{\"id\":\"X\",\"patient\":{}}"));
        Assert.Equal("id", ex.Field);
        ex = Assert.Throws<TriageCaseFormatException>(() => TriageCaseFile.ParseInput("{\"patient\":{\"gestationalWeek\":20,\"postpartumDay\":3}}"));
        Assert.Equal("patient.gestationalWeek", ex.Field);
        ex = Assert.Throws<TriageCaseFormatException>(() => TriageCaseFile.ParseInput("{\"patient\":"));
        Assert.Equal("(file)", ex.Field);
    }

    // ---- result lines ----

    [Fact]
    public void ResultLine_D05_ExactlyAsDocumented()
    {
        var d05 = DevelopmentCases.Get("D05");

        var line = TriageCaseFile.ResultLine(d05.Id, TriageEngine.Default.Evaluate(d05.Input));

        Assert.Equal("{\"id\":\"D05\",\"level\":\"URGENT\",\"rules\":[\"UR-1\",\"UR-2\"],\"ruleSet\":\"2026.2\",\"leftScore\":3,\"rcogPoints\":0}", line);
    }

    [Fact]
    public void ResultLine_NullLeftScoreAndRulesInTableOrder()
    {
        var input = Postpartum(10, BirthMode.CaesareanInLabour) with { ChestPain = null, Warmth = true, RiskFactors = RiskFactors.Thrombophilia };

        var line = TriageCaseFile.ResultLine("P9", TriageEngine.Default.Evaluate(input));

        Assert.Equal("{\"id\":\"P9\",\"level\":\"URGENT\",\"rules\":[\"UR-3\",\"RO-4\",\"FS-1\"],\"ruleSet\":\"2026.2\",\"leftScore\":null,\"rcogPoints\":5}", line);
    }
}
