using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using LegCrampCare.Rules;

namespace LegCrampCare.Web.Tests.Functional;

/// <summary>
/// <c>GET /api/v1/me/offline-kit</c> (ADR 0021): what the quick log keeps on her phone. With it, the phone's rules give
/// the card the server gives when the same cramp reaches it.
/// </summary>
public sealed class OfflineKitTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private static async Task<JsonElement> JsonOf(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    [Fact]
    public async Task Kit_SignedInPatient_HerFactsNightsNumbersThresholdsAndAnOpaqueKey()
    {
        using var a = await fixture.ClientAsync("patient-a");
        using var b = await fixture.ClientAsync("patient-b");
        using var logged = await a.PostAsync("/api/v1/episodes", new { clientId = Guid.NewGuid(), startedAt = DateTimeOffset.UtcNow.AddMinutes(-20).ToString("O"), side = "right" });
        var night = (await JsonOf(logged)).GetProperty("night").GetString();

        using var response = await a.SendAsync(HttpMethod.Get, "/api/v1/me/offline-kit");
        var kit = await JsonOf(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
        var key = kit.GetProperty("accountKey").GetString()!;
        Assert.Matches("^[0-9a-f]{32}$", key);
        Assert.DoesNotContain(fixture.Users["patient-a"].Email, (await response.Content.ReadAsStringAsync()), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(fixture.Users["patient-a"].Id, (await response.Content.ReadAsStringAsync()), StringComparison.OrdinalIgnoreCase);
        using (var again = await a.SendAsync(HttpMethod.Get, "/api/v1/me/offline-kit"))
        {
            Assert.Equal(key, (await JsonOf(again)).GetProperty("accountKey").GetString());
        }

        using (var other = await b.SendAsync(HttpMethod.Get, "/api/v1/me/offline-kit"))
        {
            Assert.NotEqual(key, (await JsonOf(other)).GetProperty("accountKey").GetString());
        }

        Assert.Contains(night, kit.GetProperty("nights").EnumerateArray().Select(n => n.GetString()));
        Assert.Equal("999", kit.GetProperty("contacts").GetProperty("emergency").GetProperty("tel").GetString());
        Assert.Equal(TriageEngine.Default.RuleSetVersion, kit.GetProperty("ruleSetVersion").GetString());
        Assert.Equal(typeof(TriageOptions).GetProperties().Count(p => p.CanWrite), kit.GetProperty("options").EnumerateObject().Count());
        Assert.StartsWith("Call 999 now", kit.GetProperty("safetyNet")[0].GetString(), StringComparison.Ordinal);
        // "Later – ask me in the morning" (W6): three lines, with her emergency number.
        Assert.Equal(
            ["Saved. Open the app in the morning to answer the questions.", "Call 999 now if you are suddenly breathless, have chest pain, cough up blood or faint.", "Sleep well."],
            kit.GetProperty("laterNotice").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal(JsonValueKind.Object, kit.GetProperty("patient").ValueKind);
    }

    [Fact]
    public async Task Kit_StaffOrSignedOut_NotForThem()
    {
        using var midwife = await fixture.ClientAsync("midwife");
        using var anonymous = await fixture.ClientAsync(null);

        Assert.Equal(HttpStatusCode.Forbidden, (await midwife.SendAsync(HttpMethod.Get, "/api/v1/me/offline-kit")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.SendAsync(HttpMethod.Get, "/api/v1/me/offline-kit")).StatusCode);
    }

    /// <summary>The quick log's offline answer, made from the kit, is the answer the server gives when the cramp arrives.</summary>
    [Theory]
    [InlineData("""{ "chestPain": "yes" }""")]
    [InlineData("""{ "suddenBreathlessness": "no", "chestPain": "no", "coughingBlood": "no", "fainted": "no", "swelling": "oneLeg", "redOrDarkerSkin": "no", "warmth": "no" }""")]
    [InlineData("""{ "suddenBreathlessness": "no", "chestPain": "no", "coughingBlood": "no", "fainted": "no", "swelling": "notOneLeg", "redOrDarkerSkin": "no", "warmth": "no", "easedByStretching": "yes", "painStillThere": "no", "crampOver10Minutes": "no" }""")]
    [InlineData("""{ "painStillThere": "yes", "painSide": "left" }""")]
    [InlineData("{}")]
    public async Task DeviceCardFromTheKit_SameCrampSent_SameLevelRulesAndCardAsTheServers(string answers)
    {
        using var client = await fixture.ClientAsync("patient-b");
        using var kitResponse = await client.SendAsync(HttpMethod.Get, "/api/v1/me/offline-kit");
        var kit = JsonNode.Parse(await kitResponse.Content.ReadAsStringAsync())!;
        var startedAt = DateTimeOffset.UtcNow.AddMinutes(-3).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        var cramp = new JsonObject { ["startedAt"] = startedAt, ["side"] = "left", ["answers"] = JsonNode.Parse(answers) };
        var request = new JsonObject
        {
            ["cramp"] = cramp.DeepClone(),
            ["patient"] = kit["patient"]!.DeepClone(),
            ["nights"] = kit["nights"]!.DeepClone(),
            ["options"] = kit["options"]!.DeepClone(),
            ["assessedAt"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
            ["timeZone"] = kit["timeZone"]!.DeepClone(),
            ["contacts"] = kit["contacts"]!.DeepClone(),
        };
        var device = JsonNode.Parse(DeviceAssessment.Assess(request.ToJsonString()))!;

        cramp["clientId"] = Guid.NewGuid();
        using var sent = await client.SendAsync(HttpMethod.Post, "/api/v1/episodes", cramp.ToJsonString());
        Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
        var server = JsonNode.Parse(await sent.Content.ReadAsStringAsync())!["assessment"]!;

        Assert.Equal(server["level"]!.GetValue<string>(), device["level"]!.GetValue<string>());
        Assert.Equal(server["ruleSetVersion"]!.GetValue<string>(), device["ruleSetVersion"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(server["rules"], device["rules"]), $"server {server["rules"]}, device {device["rules"]}");
        Assert.True(JsonNode.DeepEquals(server["card"], device["card"]), $"server {server["card"]}\ndevice {device["card"]}");
    }
}
