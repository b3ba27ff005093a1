using LegCrampCare.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace LegCrampCare.Web.Services;

public static class WebApplicationExtensions
{
    /// <summary>
    /// Response headers for an app holding health data: a Content-Security-Policy without inline or third-party
    /// scripts, no framing, no sniffing, no referrer, pages never cached, no Server header.
    /// </summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "no-referrer";
                headers.XFrameOptions = "DENY";
                // Scripts only from this site, plus the per-request nonce on Blazor's inline import map. Inline styles are
                // allowed because MudBlazor's theme and components need them.
                // The offline quick log (static, no inline script) may compile WebAssembly, the rules: 'wasm-unsafe-eval', which
                // is not 'unsafe-eval' (ADR 0021). No other page may.
                var scripts = Offline.OfflineLog.RunsTheRules(context.Request.Path)
                    ? "script-src 'self' 'wasm-unsafe-eval'"
                    : $"script-src 'self' 'nonce-{context.RequestServices.GetRequiredService<CspNonce>().Value}'";
                headers.ContentSecurityPolicy =
                    $"default-src 'self'; {scripts}; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
                    "font-src 'self'; connect-src 'self'; worker-src 'self'; manifest-src 'self'; frame-ancestors 'none'; base-uri 'self'; " +
                    "form-action 'self'; object-src 'none'";
                headers.Remove("Server");
                if (!context.Request.Path.StartsWithSegments("/_content") && !context.Request.Path.StartsWithSegments("/_framework") &&
                    !Path.HasExtension(context.Request.Path.Value))
                {
                    headers.CacheControl = "no-store";
                }

                return Task.CompletedTask;
            });
            await next();
        });

    /// <summary>
    /// The live connection (/_blazor) only accepts pages of this site: a request that says it comes from another
    /// origin is refused, so another site can't open a connection with her cookies (cross-site WebSocket hijacking).
    /// </summary>
    public static IApplicationBuilder UseSameOriginLiveConnection(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.Request.Path.StartsWithSegments("/_blazor") &&
                context.Request.Headers.Origin is { Count: > 0 } origin &&
                (!Uri.TryCreate(origin.ToString(), UriKind.Absolute, out var uri) ||
                 !string.Equals(uri.Authority, context.Request.Host.Value, StringComparison.OrdinalIgnoreCase)))
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return;
            }

            await next();
        });

    /// <summary>
    /// A staff member signed in without the second step (see <see cref="StaffTwoFactor"/>) is sent to set it up from any
    /// page but the account pages, the live connection, files, the health check and the API (which answers 403); the services
    /// refuse her staff role anyway, this is so she knows what to do.
    /// </summary>
    public static IApplicationBuilder UseStaffTwoFactor(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var path = context.Request.Path;
            var mode = context.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<AuthOptions>>().Value.StaffTwoFactor;
            if (StaffTwoFactor.IsMissing(context.User, mode) && HttpMethods.IsGet(context.Request.Method)
                && !path.StartsWithSegments("/Account") && !path.StartsWithSegments("/_blazor") && !path.StartsWithSegments("/api") && !path.StartsWithSegments("/_framework")
                && !path.StartsWithSegments("/_content") && !path.StartsWithSegments("/health") && !path.StartsWithSegments("/Error")
                && !path.StartsWithSegments("/not-found") && !Path.HasExtension(path.Value))
            {
                context.Response.Redirect(StaffTwoFactor.SetUpPath + "?required=true");
                return;
            }

            await next();
        });

    /// <summary>
    /// Creates and migrates the database; on the first start of a new rule set, re-assesses the last 14 days' cramps once
    /// (before any page is served); in Development, creates the demo accounts on first start.
    /// </summary>
    public static async Task InitializeDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync();
        if (scope.ServiceProvider.GetRequiredService<MigrationStatus>().Pending.Count > 0)
        {
            // Database:MigrateOnStart is off (PostgreSQL): the node starts, reports not ready and waits for `migrate`.
            app.Logger.LogError("{Count} database migrations are pending; this node is not ready. Run the migrate command ({Command}) once, then restart the node",
                scope.ServiceProvider.GetRequiredService<MigrationStatus>().Pending.Count, MigrationStatus.Command);
            return;
        }

        try
        {
            await scope.ServiceProvider.GetRequiredService<LegCrampCare.Core.Features.Episodes.RuleSetUpgradeService>().RunAsync();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The app still starts: every page's safety net and every new result matter more. It is tried again next start.
            app.Logger.LogError(ex, "The re-assessment for the new rule set could not run; it is tried again at the next start");
        }
        if (!app.Environment.IsDevelopment() || app.Configuration.GetValue("Demo:Disabled", false))
        {
            return;
        }

        var created = await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedAsync();
        if (created.Count > 0)
        {
            // Logged once, under a category the file sink excludes (Program.cs): these are passwords, shown on the
            // console and never written to the log files.
            var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(DemoAccountsLogCategory);
            var lines = string.Join(Environment.NewLine, created.Select(a => $"    {a.Role,-8} {a.Email,-34} {a.Password}"));
            logger.LogWarning("Demo accounts created (Development only). Save these now; they are not shown again:{NewLine:l}{DemoAccounts:l}",
                Environment.NewLine, lines);
        }
    }

    /// <summary>The log category of the demo accounts' sign-in details: console only (see the file sink in Program.cs).</summary>
    public const string DemoAccountsLogCategory = "LegCrampCare.DemoAccounts";

    /// <summary>Prints where the app is listening and where its data lives, once the server has started.</summary>
    public static void PrintStartupBanner(this WebApplication app)
    {
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            var data = app.Services.GetRequiredService<DatabaseOptions>();
            app.Logger.LogInformation("LegCrampCare is running. Open {Urls} in a browser. Data folder: {DataFolder}",
                string.Join(", ", addresses), data.DataFolder);
        });
    }
}
