using System.Security.Claims;
using System.Threading.RateLimiting;
using LegCrampCare.Core.Features.Episodes;
using LegCrampCare.Web.Services;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace LegCrampCare.Web.Api;

/// <summary>The API's own branch of the pipeline and its services (ADR 0020).</summary>
public static class ApiPipeline
{
    public static bool IsApi(HttpContext context) => IsApi(context.Request.Path);

    public static bool IsApi(PathString path) => path.StartsWithSegments("/api");

    public static IServiceCollection AddApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.ConfigureHttpJsonOptions(o => ApiJson.Configure(o.SerializerOptions));
        services.AddScoped<RequestUser>();
        services.AddSingleton<ApiCursor>();
        services.AddOpenApi("v1", o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "LegCrampCare API";
            document.Info.Description =
                "The API of the offline night log and integrations. Sign in with the app's cookie; send the token from " +
                "GET /api/v1/antiforgery in its header on every POST, PUT, PATCH and DELETE. Errors are application/problem+json.";
            return Task.CompletedTask;
        }));
        services.AddOptions<ApiOptions>().Bind(configuration.GetSection(ApiOptions.Section))
            .Validate(o => o.RequestsPerMinute is >= 1 and <= 100_000, "Api:RequestsPerMinute must be a whole number from 1 to 100000.")
            .ValidateOnStart();
        return services;
    }

    /// <summary>
    /// For /api only: every answer is no-store; an exception becomes a 500 problem (never the HTML error page); a status
    /// with no body gets a problem body (never re-executed into an HTML page). The rest of the app keeps its pages.
    /// </summary>
    public static IApplicationBuilder UseApiErrors(this IApplicationBuilder app) =>
        app.UseWhen(IsApi, api =>
        {
            api.Use(async (context, next) =>
            {
                context.Response.OnStarting(() =>
                {
                    context.Response.Headers.CacheControl = "no-store";
                    return Task.CompletedTask;
                });
                // The API takes JSON bodies only: anything else is refused before any part of the app reads it (the
                // antiforgery check would otherwise parse a form body).
                var request = context.Request;
                if ((HttpMethods.IsPost(request.Method) || HttpMethods.IsPut(request.Method) || HttpMethods.IsPatch(request.Method))
                    && (request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0) && !ApiJson.IsJson(request.ContentType))
                {
                    await WriteAsync(context, StatusCodes.Status415UnsupportedMediaType);
                    return;
                }

                await next();
            });
            api.UseExceptionHandler(new ExceptionHandlerOptions
            {
                ExceptionHandler = context =>
                {
                    var error = context.Features.Get<IExceptionHandlerFeature>()?.Error;
                    if (error is BadHttpRequestException bad)
                    {
                        return WriteAsync(context, bad.StatusCode);
                    }

                    if (error is InvalidDataException)
                    {
                        // A body the framework could not read (e.g. a broken form body reaching the antiforgery check).
                        return WriteAsync(context, StatusCodes.Status400BadRequest);
                    }

                    return WriteAsync(context, StatusCodes.Status500InternalServerError);
                },
            });
            api.UseStatusCodePages(context => WriteAsync(context.HttpContext, context.HttpContext.Response.StatusCode));
        });

    /// <summary>A problem body for a status the endpoint didn't explain itself.</summary>
    public static Task WriteAsync(HttpContext context, int status)
    {
        var (title, detail) = status switch
        {
            400 => ("Bad request", "The request could not be read. Check the address, its query and the body."),
            401 => ("Sign in first", "Sign in to the app, then send the request again with its sign-in cookie."),
            403 => ("Not allowed", "This account can't use this address. The episodes and profile are for patients; staff need two-step sign-in."),
            404 => ("Not found", "There is nothing at this address."),
            405 => ("Method not allowed", "This address does not take this method; the API reference lists what it takes."),
            413 => ("The body is too large", $"A request body can be at most {ApiJson.MaxBodyBytes / 1024} KB."),
            415 => ("Send the body as JSON", "Set the Content-Type header to application/json (UTF-8)."),
            429 => ("Too many requests", "This account has sent too many requests. Wait for the time in Retry-After, then try again."),
            _ => ("Something went wrong on our side",
                "Nothing was changed unless the app said so. If you were logging a cramp, send it again with the same clientId: it is never saved twice."),
        };
        context.Response.StatusCode = status;

        // Also for the 401/403 the sign-in cookie answers before the API's branch runs.
        context.Response.Headers.CacheControl = "no-store";
        return Results.Problem(detail: detail, statusCode: status, title: title).ExecuteAsync(context);
    }

    /// <summary>
    /// The sign-in cookie answers API calls with 401/403 problems, never a redirect to the sign-in page (a script can't
    /// follow it, and would read the HTML as its answer).
    /// </summary>
    public static void AnswerApiWithStatus(Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions options)
    {
        var toLogin = options.Events.OnRedirectToLogin;
        var toDenied = options.Events.OnRedirectToAccessDenied;
        options.Events.OnRedirectToLogin = context => IsApi(context.HttpContext)
            ? WriteAsync(context.HttpContext, StatusCodes.Status401Unauthorized)
            : toLogin(context);
        options.Events.OnRedirectToAccessDenied = context => IsApi(context.HttpContext)
            ? WriteAsync(context.HttpContext, StatusCodes.Status403Forbidden)
            : toDenied(context);
    }

    /// <summary>The API's limit per account (per address before sign-in), apart from the account pages' per-address limits.</summary>
    public static void AddApiPolicy(RateLimiterOptions options) =>
        options.AddPolicy(ApiRateLimiting.Policy, context =>
        {
            var permits = context.RequestServices.GetRequiredService<IOptions<ApiOptions>>().Value.RequestsPerMinute;
            var key = context.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } user
                ? "user:" + user
                : "address:" + AccountRateLimiting.ClientKey(context.Connection.RemoteIpAddress);
            return RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = permits,
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
            });
        });

    /// <summary>A 429 from the API: a problem with Retry-After.</summary>
    public static async Task RejectAsync(OnRejectedContext context, CancellationToken ct)
    {
        var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry) ? Math.Max(1, (int)Math.Ceiling(retry.TotalSeconds)) : 60;
        context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await WriteAsync(context.HttpContext, StatusCodes.Status429TooManyRequests);
    }
}

/// <summary>The "Api" settings.</summary>
public sealed class ApiOptions
{
    public const string Section = "Api";

    /// <summary>Requests one account may send to /api in a minute (per address before sign-in).</summary>
    public int RequestsPerMinute { get; set; } = 600;
}

public static class ApiRateLimiting
{
    public const string Policy = "api";
}

/// <summary>The signed-in user of an API request, for <see cref="CurrentUser"/> (a live circuit has its own state).</summary>
public sealed class RequestUser
{
    public ClaimsPrincipal? Principal { get; set; }
}

/// <summary>
/// Runs around every API endpoint: makes the request's user the services' current user, and refuses an unsafe method
/// (POST, PUT, PATCH, DELETE) without a valid antiforgery token for this user (minimal-API JSON endpoints are not
/// checked by UseAntiforgery on their own, and DELETE never is).
/// </summary>
public sealed class ApiRequestFilter(IAntiforgery antiforgery) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        http.RequestServices.GetRequiredService<RequestUser>().Principal = http.User;
        if (!HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method) && !HttpMethods.IsOptions(http.Request.Method))
        {
            var valid = http.Features.Get<IAntiforgeryValidationFeature>() is { } checkedByMiddleware
                ? checkedByMiddleware.IsValid
                : await antiforgery.IsRequestValidAsync(http);
            if (!valid)
            {
                var header = http.RequestServices.GetRequiredService<IOptions<AntiforgeryOptions>>().Value.HeaderName;
                return ApiProblems.Status(StatusCodes.Status400BadRequest, "Antiforgery token missing or stale",
                    $"Send the token from GET {ApiEndpoints.Prefix}/antiforgery in the {header} header. Fetch it again after signing in or out, then retry once.",
                    new Dictionary<string, object?> { ["code"] = "antiforgery" });
            }
        }

        return await next(context);
    }
}

/// <summary>
/// The opaque "next" of a page of her episodes: where the page ended, protected with the app's Data Protection keys for
/// this user, so it carries no readable time of a cramp in an address and can't be forged or used by someone else.
/// </summary>
public sealed class ApiCursor(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("LegCrampCare.Api.EpisodeCursor.v1");

    public string Write(EpisodeCursor cursor, ClaimsPrincipal user)
    {
        var payload = $"{UserId(user)}|{cursor.StartedAtUtc.Ticks}|{cursor.Id:N}";
        return Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlEncode(_protector.Protect(System.Text.Encoding.UTF8.GetBytes(payload)));
    }

    public EpisodeCursor? Read(string value, ClaimsPrincipal user)
    {
        try
        {
            var bytes = _protector.Unprotect(Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlDecode(value));
            var parts = System.Text.Encoding.UTF8.GetString(bytes).Split('|');
            if (parts.Length != 3 || parts[0] != UserId(user) || !long.TryParse(parts[1], out var ticks) || !Guid.TryParseExact(parts[2], "N", out var id)
                || ticks < DateTime.MinValue.Ticks || ticks > DateTime.MaxValue.Ticks)
            {
                return null;
            }

            return new EpisodeCursor(new DateTime(ticks, DateTimeKind.Utc), id);
        }
        catch (Exception ex) when (ex is System.Security.Cryptography.CryptographicException or FormatException)
        {
            return null;
        }
    }

    private static string UserId(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
}
