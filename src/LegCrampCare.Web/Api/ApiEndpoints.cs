using System.Security.Cryptography;
using System.Text.Json;
using LegCrampCare.Core.Common;
using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;
using LegCrampCare.Core.Features.Episodes;
using LegCrampCare.Core.Features.Profile;
using LegCrampCare.Core.Triage;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace LegCrampCare.Web.Api;

/// <summary>
/// The HTTP API, version 1 (ADR 0020): the same services as the live pages, for the offline night log and integrations.
/// Authentication is the app's sign-in cookie; every unsafe method needs the antiforgery token from
/// <c>GET /api/v1/antiforgery</c> in its header; another patient's ids answer 404.
/// </summary>
public static class ApiEndpoints
{
    public const string Prefix = "/api/v1";

    /// <summary>The tag every endpoint of this version carries in the OpenAPI document.</summary>
    private const string EpisodesTag = "Episodes";

    public static IEndpointRouteBuilder MapApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(Prefix)
            .AddEndpointFilter<ApiRequestFilter>()
            .RequireRateLimiting(ApiRateLimiting.Policy)
            .WithMetadata(new RequireAntiforgeryTokenAttribute(required: true));

        api.MapGet("/antiforgery", GetAntiforgery)
            .WithName("GetAntiforgeryToken")
            .WithSummary("The token a same-origin script sends on POST, PUT, PATCH and DELETE")
            .WithDescription("Fetch it again after signing in or out, and after a 400 that says the token is missing or stale; then retry once.")
            .AllowAnonymous()
            .WithTags("Session");

        var patient = api.MapGroup("").RequireAuthorization(policy => policy.RequireRole(Roles.Patient));
        var episodes = patient.MapGroup("/episodes").WithTags(EpisodesTag);

        episodes.MapPost("", CreateAsync)
            .WithName("CreateEpisode")
            .WithSummary("Log a cramp (exactly once per clientId)")
            .WithDescription("First call: 201 with Location and the stored cramp. The same clientId and body again: 200 with the stored cramp. The same clientId with another body: 409 whose 'episode' is the stored cramp.")
            .Accepts<EpisodeCreateBody>("application/json")
            .Produces<EpisodeView>(StatusCodes.Status201Created)
            .Produces<EpisodeView>()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .AddEndpointFilter(DelayAnswerAfterSave(app.ServiceProvider));
        episodes.MapGet("", ListAsync)
            .WithName("ListEpisodes")
            .WithSummary("Her cramps, newest first, a page at a time")
            .WithDescription("limit: 1–100 (default 20; more is capped at 100). cursor: the 'next' of the previous page.")
            .Produces<EpisodeListView>();
        episodes.MapGet("/{id:guid}", GetAsync)
            .WithName("GetEpisode")
            .WithSummary("One cramp with its current assessment and result card")
            .Produces<EpisodeView>();
        episodes.MapPut("/{id:guid}", UpdateAsync)
            .WithName("UpdateEpisode")
            .WithSummary("Replace what she recorded about a cramp; it is assessed again")
            .Accepts<EpisodeBody>("application/json")
            .Produces<EpisodeView>();
        episodes.MapPatch("/{id:guid}/answers", AnswerAsync)
            .WithName("AnswerQuestions")
            .WithSummary("Answer some of the questions about a cramp; it is assessed again")
            .WithDescription("Each answer given replaces hers; the others stay as they are.")
            .Accepts<AnswersPatchBody>("application/json")
            .Produces<EpisodeView>();
        episodes.MapPost("/{id:guid}/pain-check", PainCheckAsync)
            .WithName("AnswerPainCheck")
            .WithSummary("\"Is the pain still there?\" (and, while it is, which leg); it is assessed again")
            .Accepts<PainCheckBody>("application/json")
            .Produces<EpisodeView>();
        episodes.MapPost("/{id:guid}/confirm", ConfirmAsync)
            .WithName("ConfirmEpisode")
            .WithSummary("Morning review: \"it's right as it is\" (refused while a warning-sign question is unanswered)")
            .Produces(StatusCodes.Status204NoContent);
        episodes.MapDelete("/{id:guid}", DeleteAsync)
            .WithName("DeleteEpisode")
            .WithSummary("Delete a cramp and its assessments")
            .Produces(StatusCodes.Status204NoContent);
        episodes.MapGet("/{id:guid}/assessments", AssessmentsAsync)
            .WithName("ListAssessments")
            .WithSummary("Every assessment of a cramp, newest first, each with its result card")
            .Produces<IReadOnlyList<AssessmentView>>();

        patient.MapGet("/me/profile", ProfileAsync)
            .WithName("GetMyProfile")
            .WithSummary("What the rule engine needs about her: stage, dates, risk factors, the numbers to call and the thresholds in force")
            .WithTags("Me")
            .Produces<ProfileView>();
        patient.MapGet("/me/offline-kit", OfflineKitAsync)
            .WithName("GetMyOfflineKit")
            .WithSummary("What the offline quick log keeps on her phone to answer with no connection (ADR 0021)")
            .WithDescription("Her profile's facts the rules read, her recent nights with cramps, the thresholds and rule-set version in force, the numbers to call, the safety net's words, and an opaque key for her account on this phone.")
            .Produces<OfflineKitView>();
        return app;
    }

    /// <summary>
    /// Fault injection for the crash test only (environment "Testing", FaultInjection:DelayAnswerAfterSave): holds the
    /// answer after the cramp is durably saved, so a test can kill the server between the commit and the answer. A
    /// no-op everywhere else.
    /// </summary>
    private static Func<EndpointFilterInvocationContext, EndpointFilterDelegate, ValueTask<object?>> DelayAnswerAfterSave(IServiceProvider services)
    {
        var environment = services.GetRequiredService<IHostEnvironment>();
        var delay = services.GetRequiredService<IConfiguration>().GetValue<TimeSpan?>("FaultInjection:DelayAnswerAfterSave");
        if (!environment.IsEnvironment("Testing") || delay is not { } hold)
        {
            return static (context, next) => next(context);
        }

        return async (context, next) =>
        {
            var result = await next(context);
            await Task.Delay(hold);
            return result;
        };
    }

    private static AntiforgeryView GetAntiforgery(HttpContext http, IAntiforgery antiforgery, IOptions<AntiforgeryOptions> options)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        return new AntiforgeryView(options.Value.HeaderName!, tokens.RequestToken!);
    }

    private static async Task<IResult> CreateAsync(HttpContext http, IEpisodeService service, IOptions<JsonOptions> json)
    {
        var (body, problem) = await ApiJson.ReadAsync<EpisodeCreateBody>(http, json.Value.SerializerOptions);
        if (problem is not null)
        {
            return problem;
        }

        var missing = ApiFields.Required(("clientId", body!.ClientId), ("startedAt", body.StartedAt), ("side", body.Side));
        if (missing.Count > 0)
        {
            return ApiProblems.Invalid(missing, jsonNames: true);
        }

        var (device, deviceError) = body.Device?.ToReport("device") ?? (null, null);
        if (deviceError is not null)
        {
            return ApiProblems.Invalid([deviceError], jsonNames: true);
        }

        var result = await service.CreateAsync(new CreateEpisodeRequest
        {
            ClientId = body.ClientId!.Value,
            StartedAtUtc = body.StartedAt!.Value.UtcDateTime,
            Details = body.ToDetails(),
            RequestHash = Fingerprint(body, json.Value.SerializerOptions),
            Device = device,
        }, http.RequestAborted);
        if (result.Status == ResultStatus.Conflict && result.Value is { } stored)
        {
            return ApiProblems.Status(StatusCodes.Status409Conflict, "This client id is already used", result.Errors[0].Message,
                new Dictionary<string, object?> { ["episode"] = EpisodeView.From(stored.Episode) });
        }

        if (!result.IsOk)
        {
            return ApiProblems.From(result);
        }

        var view = EpisodeView.From(result.Value!.Episode);
        return result.Value.Created ? TypedResults.Created($"{Prefix}/episodes/{view.Id}", view) : TypedResults.Ok(view);
    }

    private static async Task<IResult> ListAsync(HttpContext http, IEpisodeService service, ApiCursor cursors, string? limit, string? cursor)
    {
        var take = 20;
        if (limit is { Length: > 9 } && limit.All(char.IsAsciiDigit) && limit.Any(d => d != '0'))
        {
            limit = EpisodeService.MaxPageSize.ToString(System.Globalization.CultureInfo.InvariantCulture); // a huge number is capped like any other
        }

        if (limit is not null && (!int.TryParse(limit, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out take) || take < 1))
        {
            return ApiProblems.Invalid([new("limit", $"'limit' must be a whole number from 1 to {EpisodeService.MaxPageSize} (more is capped at {EpisodeService.MaxPageSize}).")], jsonNames: true);
        }

        EpisodeCursor? after = null;
        if (cursor is not null)
        {
            if (cursors.Read(cursor, http.User) is not { } read)
            {
                return ApiProblems.Invalid([new("cursor", "This cursor can't be used: pass the 'next' value of the page before, unchanged (a cursor works only for the account it was given to).")], jsonNames: true);
            }

            after = read;
        }

        var result = await service.ListAsync(after, take, http.RequestAborted);
        if (!result.IsOk)
        {
            return ApiProblems.From(result);
        }

        var page = result.Value!;
        return TypedResults.Ok(new EpisodeListView(
            page.Items.Select(e => EpisodeView.From(e)).ToList(),
            page.Next is { } next ? cursors.Write(next, http.User) : null));
    }

    private static async Task<IResult> GetAsync(Guid id, HttpContext http, IEpisodeService service) =>
        Episode(await service.GetAsync(id, http.RequestAborted));

    private static async Task<IResult> UpdateAsync(Guid id, HttpContext http, IEpisodeService service, IOptions<JsonOptions> json)
    {
        var (body, problem) = await ApiJson.ReadAsync<EpisodeBody>(http, json.Value.SerializerOptions);
        if (problem is not null)
        {
            return problem;
        }

        var missing = ApiFields.Required(("startedAt", body!.StartedAt), ("side", body.Side));
        if (missing.Count > 0)
        {
            return ApiProblems.Invalid(missing, jsonNames: true);
        }

        return Episode(await service.UpdateAsync(
            new UpdateEpisodeRequest(id, body.ToDetails()) { StartedAtUtc = body.StartedAt!.Value.UtcDateTime }, http.RequestAborted));
    }

    private static async Task<IResult> AnswerAsync(Guid id, HttpContext http, IEpisodeService service, IOptions<JsonOptions> json)
    {
        var (body, problem) = await ApiJson.ReadAsync<AnswersPatchBody>(http, json.Value.SerializerOptions);
        if (problem is not null)
        {
            return problem;
        }

        var current = await service.GetAsync(id, http.RequestAborted);
        if (!current.IsOk)
        {
            return ApiProblems.From(current);
        }

        var (device, deviceError) = body!.Device?.ToReport("device") ?? (null, null);
        if (deviceError is not null)
        {
            return ApiProblems.Invalid([deviceError], jsonNames: true);
        }

        var details = current.Value!.Details with { Answers = body.ApplyTo(current.Value.Details.Answers) };
        return Episode(await service.UpdateAsync(new UpdateEpisodeRequest(id, details) { Device = device }, http.RequestAborted));
    }

    private static async Task<IResult> PainCheckAsync(Guid id, HttpContext http, IEpisodeService service, IOptions<JsonOptions> json)
    {
        var (body, problem) = await ApiJson.ReadAsync<PainCheckBody>(http, json.Value.SerializerOptions);
        if (problem is not null)
        {
            return problem;
        }

        var missing = ApiFields.Required(("painNow", body!.PainNow));
        if (missing.Count > 0)
        {
            return ApiProblems.Invalid(missing, jsonNames: true);
        }

        return Episode(await service.AnswerPainFollowUpAsync(new PainFollowUpRequest(id, body.PainNow!.Value, body.StillHurts), http.RequestAborted));
    }

    private static async Task<IResult> ConfirmAsync(Guid id, HttpContext http, IEpisodeService service)
    {
        var result = await service.ConfirmAsync(id, http.RequestAborted);
        return result.IsOk ? TypedResults.NoContent() : ApiProblems.From(result);
    }

    private static async Task<IResult> DeleteAsync(Guid id, HttpContext http, IEpisodeService service)
    {
        var result = await service.DeleteAsync(id, http.RequestAborted);
        return result.IsOk ? TypedResults.NoContent() : ApiProblems.From(result);
    }

    private static async Task<IResult> AssessmentsAsync(Guid id, HttpContext http, IEpisodeService service)
    {
        var result = await service.GetAssessmentsAsync(id, http.RequestAborted);
        return result.IsOk ? TypedResults.Ok(result.Value!.Select(AssessmentView.From).ToList()) : ApiProblems.From(result);
    }

    private static async Task<IResult> ProfileAsync(HttpContext http, IProfileService profiles, TriageEngine engine)
    {
        var result = await profiles.GetMineAsync(http.RequestAborted);
        if (result.Status == ResultStatus.NotFound)
        {
            return ApiProblems.Status(StatusCodes.Status404NotFound, "No profile yet",
                "Her profile is not set up yet: finish it in the app (Profile) before logging through the API.");
        }

        return result.IsOk ? TypedResults.Ok(ProfileView.From(result.Value!, engine)) : ApiProblems.From(result);
    }

    private static async Task<IResult> OfflineKitAsync(HttpContext http, IProfileService profiles, IEpisodeService episodes, TriageEngine engine, TimeProvider time)
    {
        var profile = await profiles.GetMineAsync(http.RequestAborted);
        if (profile.Status == ResultStatus.NotFound)
        {
            return ApiProblems.Status(StatusCodes.Status404NotFound, "No profile yet",
                "Her profile is not set up yet: finish it in the app (Profile) before using the quick log offline.");
        }

        if (!profile.IsOk)
        {
            return ApiProblems.From(profile);
        }

        var nights = await episodes.GetRecentNightsAsync(http.RequestAborted);
        return nights.IsOk
            ? TypedResults.Ok(OfflineKitView.From(OfflineKitView.AccountKeyOf(http.User), profile.Value!, nights.Value!, engine, time.GetUtcNow()))
            : ApiProblems.From(nights);
    }

    private static IResult Episode(ServiceResult<EpisodeDto> result) =>
        result.IsOk ? TypedResults.Ok(EpisodeView.From(result.Value!)) : ApiProblems.From(result);

    /// <summary>
    /// A fingerprint of what the client sent, from the parsed body (so spacing and the order of fields don't count) with the
    /// start as UTC (so "03:10+01:00" and "02:10Z" are the same cramp), without what a phone reports about the sending
    /// (a retry is sent at another moment, and may follow a card shown meanwhile).
    /// </summary>
    public static string Fingerprint(EpisodeCreateBody body, JsonSerializerOptions options)
    {
        var canonical = body with { StartedAt = body.StartedAt?.ToUniversalTime(), Device = null };
        return Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(canonical, options)));
    }
}

/// <summary>Required fields of a body, each named as the JSON names it.</summary>
public static class ApiFields
{
    public static IReadOnlyList<FieldError> Required(params (string Field, object? Value)[] fields) =>
        fields.Where(f => f.Value is null)
            .Select(f => new FieldError(f.Field, $"'{f.Field}' is required."))
            .ToList();
}
