using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace LegCrampCare.Web.Tests.Functional;

/// <summary>
/// Malformed requests to every API write: wrong types, out-of-range values, unknown fields, oversize bodies, wrong content
/// types, missing or stale antiforgery tokens. Each answers 400/413/415 as problem+json, a 400 names the field, nothing
/// answers 5xx, and no row changes.
/// </summary>
public sealed class ApiMalformedBodyTests(ApiMalformedBodyTests.Fixture fixture) : IClassFixture<ApiMalformedBodyTests.Fixture>
{
    public sealed class Fixture : ApiFixture
    {
        public Guid EpisodeId { get; private set; }

        public ApiClient Patient { get; private set; } = null!;

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            Patient = await ClientAsync("patient-a");
            using var created = await Patient.PostAsync("/api/v1/episodes", new { clientId = Guid.NewGuid(), startedAt = DateTimeOffset.UtcNow.AddMinutes(-30), side = "left" });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            EpisodeId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        }
    }

    /// <summary>A request, the status it must get, and the field a 400 must name (null: any or none).</summary>
    public sealed record Case(string Name, string Method, string Path, string? Body, int Status, string? Field, string ContentType = "application/json", bool Token = true)
    {
        public override string ToString() => Name;
    }

    private const string Create = "/api/v1/episodes";
    private const string Episode = "/api/v1/episodes/{id}";
    private const string Answers = "/api/v1/episodes/{id}/answers";
    private const string Pain = "/api/v1/episodes/{id}/pain-check";

    private static string Start(int minutesAgo = 10) => DateTimeOffset.UtcNow.AddMinutes(-minutesAgo).ToString("O");

    /// <summary>A valid create body with one member replaced (or added) by raw JSON.</summary>
    private static string CreateWith(string member, string rawValue)
    {
        var fields = new Dictionary<string, string>
        {
            ["clientId"] = $"\"{Guid.NewGuid()}\"",
            ["startedAt"] = $"\"{Start()}\"",
            ["side"] = "\"left\"",
        };
        fields[member] = rawValue;
        return "{" + string.Join(",", fields.Select(f => $"\"{f.Key}\":{f.Value}")) + "}";
    }

    private static string EditWith(string member, string rawValue)
    {
        var fields = new Dictionary<string, string> { ["startedAt"] = $"\"{Start()}\"", ["side"] = "\"right\"" };
        fields[member] = rawValue;
        return "{" + string.Join(",", fields.Select(f => $"\"{f.Key}\":{f.Value}")) + "}";
    }

    public static IEnumerable<Case> Cases()
    {
        // Wrong types for every field of a new cramp, and the same for an edit.
        var wrongTypes = new Dictionary<string, string[]>
        {
            ["clientId"] = ["\"not-a-uuid\"", "12", "true", "[]", "{}", "\"\""],
            ["startedAt"] = ["\"yesterday\"", "1733541000", "\"2026-13-45T99:00:00Z\"", "[]", "false"],
            ["side"] = ["\"middle\"", "1", "\"LEFT \"", "[\"left\"]", "{}", "\"0\""],
            ["durationMinutes"] = ["\"five\"", "4.5", "true", "[]", "99999999999"],
            ["locations"] = ["\"calf\"", "[\"knee\"]", "[1]", "{}", "[null]", "[\"calf, foot\"]"],
            ["painScore"] = ["\"high\"", "7.5", "[]", "{}"],
            ["helpedBy"] = ["\"stretching\"", "[\"yoga\"]", "[2]", "true"],
            ["painAfterHours"] = ["\"two\"", "[]", "{}", "true"],
            ["continuousPainMinutes"] = ["\"sixty\"", "1.5", "[]"],
            ["calfDifferenceCm"] = ["\"2cm\"", "[]", "{}"],
            ["answers"] = ["\"yes\"", "[]", "12", "{\"chestPain\":\"maybe\"}", "{\"chestPain\":1}", "{\"swelling\":\"yes\"}", "{\"painSide\":\"up\"}", "{\"chestPain\":true}"],
            ["notes"] = ["5", "[]", "{}", "true"],
        };
        foreach (var (member, values) in wrongTypes)
        {
            for (var i = 0; i < values.Length; i++)
            {
                var expected = member == "answers" && values[i].StartsWith('{') ? "answers." + values[i][2..values[i].IndexOf('"', 2)] : member;
                yield return new($"create {member} #{i}", "POST", Create, CreateWith(member, values[i]), 400, expected);
                if (member != "clientId")
                {
                    yield return new($"edit {member} #{i}", "PUT", Episode, EditWith(member, values[i]), 400, expected);
                }
            }
        }

        // Values of the right type that the rules don't allow.
        var outOfRange = new (string Member, string Value, string Field)[]
        {
            ("durationMinutes", "-1", "durationMinutes"), ("durationMinutes", "100000", "durationMinutes"),
            ("painScore", "11", "painScore"), ("painScore", "-1", "painScore"),
            ("painAfterHours", "-2", "painAfterHours"), ("painAfterHours", "100000", "painAfterHours"),
            ("continuousPainMinutes", "-5", "continuousPainMinutes"), ("calfDifferenceCm", "99", "calfDifferenceCm"), ("calfDifferenceCm", "-1", "calfDifferenceCm"),
            ("notes", "\"" + new string('x', 5000) + "\"", "notes"), ("notes", "\"bad\\u0000char\"", "notes"), ("notes", "\"\\u202Ereversed\"", "notes"),
            ("startedAt", $"\"{DateTimeOffset.UtcNow.AddDays(2):O}\"", "startedAt"), ("startedAt", "\"1990-01-01T00:00:00Z\"", "startedAt"),
            ("helpedBy", "[\"nothing\",\"stretching\"]", "helpedBy"),
        };
        foreach (var (member, value, field) in outOfRange)
        {
            yield return new($"create {member} out of range {value[..Math.Min(12, value.Length)]}", "POST", Create, CreateWith(member, value), 400, field);
            yield return new($"edit {member} out of range {value[..Math.Min(12, value.Length)]}", "PUT", Episode, EditWith(member, value), 400, field);
        }

        // Required fields missing, unknown fields, null bodies.
        foreach (var member in new[] { "clientId", "startedAt", "side" })
        {
            yield return new($"create without {member}", "POST", Create, CreateWith(member, "null"), 400, member);
        }

        yield return new("edit without startedAt", "PUT", Episode, EditWith("startedAt", "null"), 400, "startedAt");
        yield return new("edit without side", "PUT", Episode, EditWith("side", "null"), 400, "side");
        yield return new("create clientId all zeros", "POST", Create, CreateWith("clientId", "\"00000000-0000-0000-0000-000000000000\""), 400, "clientId");
        foreach (var unknown in new[] { "mood", "id", "patientId", "night", "assessment", "Side", "__proto__", "clientID" })
        {
            yield return new($"create unknown {unknown}", "POST", Create, CreateWith(unknown, "1"), 400, unknown);
            yield return new($"edit unknown {unknown}", "PUT", Episode, EditWith(unknown, "1"), 400, unknown);
        }

        yield return new("edit with clientId", "PUT", Episode, EditWith("clientId", $"\"{Guid.NewGuid()}\""), 400, "clientId");
        yield return new("create unknown nested", "POST", Create, CreateWith("answers", "{\"chestPain\":\"no\",\"x\":1}"), 400, "answers.x");
        yield return new("answers unknown", "PATCH", Answers, "{\"notAQuestion\":\"yes\"}", 400, "notAQuestion");
        yield return new("answers wrong value", "PATCH", Answers, "{\"chestPain\":\"perhaps\"}", 400, "chestPain");
        yield return new("answers number", "PATCH", Answers, "{\"fainted\":2}", 400, "fainted");
        yield return new("answers swelling", "PATCH", Answers, "{\"swelling\":\"both\"}", 400, "swelling");
        yield return new("answers array", "PATCH", Answers, "[]", 400, "");
        yield return new("pain without painNow", "POST", Pain, "{}", 400, "painNow");
        yield return new("pain bad painNow", "POST", Pain, "{\"painNow\":\"worse\"}", 400, "painNow");
        yield return new("pain stillHurts when gone", "POST", Pain, "{\"painNow\":\"gone\",\"stillHurts\":\"left\"}", 400, "stillHurts");
        yield return new("pain unknown", "POST", Pain, "{\"painNow\":\"gone\",\"when\":1}", 400, "when");

        // Not JSON, or not one object.
        var notJson = new[] { "", "null", "[]", "\"text\"", "42", "{", "{\"side\":}", "{'side':'left'}", "{\"side\":\"left\",}", "{\"side\":\"left\"} {}", "/* c */ {}", "\u00ff\u00fe", "{\"a\":" + new string('[', 40) };
        for (var i = 0; i < notJson.Length; i++)
        {
            yield return new($"create not json #{i}", "POST", Create, notJson[i], 400, null);
            yield return new($"edit not json #{i}", "PUT", Episode, notJson[i], 400, null);
        }

        // Content types.
        foreach (var type in new[] { "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/xml", "application/json; charset=latin1", "text/json" })
        {
            yield return new($"create as {type}", "POST", Create, CreateWith("side", "\"left\""), 415, null, type);
            yield return new($"edit as {type}", "PUT", Episode, EditWith("side", "\"left\""), 415, null, type);
            yield return new($"answers as {type}", "PATCH", Answers, "{}", 415, null, type);
        }

        // Too large.
        var huge = CreateWith("notes", "\"" + new string('a', 70 * 1024) + "\"");
        yield return new("create oversize", "POST", Create, huge, 413, null);
        yield return new("edit oversize", "PUT", Episode, EditWith("notes", "\"" + new string('a', 70 * 1024) + "\""), 413, null);
        yield return new("answers oversize", "PATCH", Answers, "{\"chestPain\":\"no\"" + new string(' ', 70 * 1024) + "}", 413, null);

        // Antiforgery: every unsafe method without a token.
        yield return new("create no token", "POST", Create, CreateWith("side", "\"left\""), 400, null, Token: false);
        yield return new("edit no token", "PUT", Episode, EditWith("side", "\"left\""), 400, null, Token: false);
        yield return new("answers no token", "PATCH", Answers, "{\"chestPain\":\"yes\"}", 400, null, Token: false);
        yield return new("pain no token", "POST", Pain, "{\"painNow\":\"gone\"}", 400, null, Token: false);
        yield return new("confirm no token", "POST", "/api/v1/episodes/{id}/confirm", null, 400, null, Token: false);
        yield return new("delete no token", "DELETE", Episode, null, 400, null, Token: false);
    }

    public static TheoryData<Case> AllCases() => new(Cases());

    [Fact]
    public void TheCorpus_HasAtLeast150Requests() => Assert.True(Cases().Count() >= 150, $"{Cases().Count()} cases");

    [Theory]
    [MemberData(nameof(AllCases))]
    public async Task Malformed_AnswersWithAProblemNamingTheField_AndChangesNothing(Case c)
    {
        var before = await fixture.CountRowsAsync();
        var episodeBefore = await EpisodeJsonAsync();
        var path = c.Path.Replace("{id}", fixture.EpisodeId.ToString(), StringComparison.Ordinal);
        using var request = new HttpRequestMessage(new HttpMethod(c.Method), new Uri(path, UriKind.Relative));
        if (c.Body is not null)
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(c.Body));
            request.Content.Headers.TryAddWithoutValidation("Content-Type", c.ContentType);
        }

        if (c.Token)
        {
            request.Headers.TryAddWithoutValidation(fixture.Patient.HeaderName!, fixture.Patient.Token);
        }

        using var response = await fixture.Patient.Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == c.Status, $"{c.Name}: {(int)response.StatusCode} {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(text).RootElement;
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
        if (c.Field is not null)
        {
            var errors = problem.GetProperty("errors");
            Assert.True(errors.TryGetProperty(c.Field, out var messages), $"{c.Name}: no message for '{c.Field}' in {errors}");
            Assert.False(string.IsNullOrWhiteSpace(messages[0].GetString()));
        }

        Assert.Equal(before, await fixture.CountRowsAsync());
        Assert.Equal(episodeBefore, await EpisodeJsonAsync());
    }

    private async Task<string> EpisodeJsonAsync()
    {
        using var response = await fixture.Patient.Http.GetAsync(new Uri($"/api/v1/episodes/{fixture.EpisodeId}", UriKind.Relative));
        return await response.Content.ReadAsStringAsync();
    }
}
