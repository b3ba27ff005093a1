using LegCrampCare.Core;
using LegCrampCare.Infrastructure;
using LegCrampCare.Web;
using LegCrampCare.Web.Api;
using LegCrampCare.Web.Components;
using LegCrampCare.Web.Components.Account;
using LegCrampCare.Web.Offline;
using LegCrampCare.Web.Services;
using Serilog;

// Dates and numbers are shown in British English, whatever the server's own settings are.
System.Globalization.CultureInfo.DefaultThreadCurrentCulture = System.Globalization.CultureInfo.GetCultureInfo("en-GB");
System.Globalization.CultureInfo.DefaultThreadCurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo("en-GB");

var builder = WebApplication.CreateBuilder(args);
builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
if (builder.Environment.IsEnvironment("Testing"))
{
    // The tests' environment runs the app from its build output, as Development does: the static web assets (the Blazor
    // script, the rules' WebAssembly files) come from there. (The in-process test host does the same.)
    builder.WebHost.UseStaticWebAssets();
}

builder.Services.AddSerilog((services, logger) => logger
    .ReadFrom.Configuration(builder.Configuration)
    .Enrich.FromLogContext()
    .WriteTo.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture)
    // Secrets written for a developer (Development only) go to the console, never to the log files: the demo accounts'
    // passwords, and account email links (a reset or invitation link is as good as a password for a while).
    .WriteTo.Logger(files => files
        .Filter.ByExcluding(Serilog.Filters.Matching.FromSource(WebApplicationExtensions.DemoAccountsLogCategory))
        .Filter.ByExcluding(Serilog.Filters.Matching.WithProperty("Link"))
        .WriteTo.File(
            Path.Combine(services.GetRequiredService<DatabaseOptions>().DataFolder, "logs", "legcrampcare-.log"),
            rollingInterval: RollingInterval.Day,
            retainedFileCountLimit: 14,
            formatProvider: System.Globalization.CultureInfo.InvariantCulture)));

builder.Services
    .AddCore()
    .AddInfrastructure(builder.Configuration)
    .AddWebServices(builder.Configuration);

var app = builder.Build();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
    app.UseHsts();
}

app.UseSecurityHeaders();
app.UseSameOriginLiveConnection();
app.UseSerilogRequestLogging();
app.UseRateLimiter();
app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);

// Inside the pages' error and not-found handling: the API answers its own errors as problem+json first, so those
// never reach the HTML pages.
app.UseApiErrors();
app.UseReadableForms();
app.UseAntiforgery();
app.UseStaffTwoFactor();

app.MapStaticAssets();
app.MapHealthChecks("/health");
app.MapApi();
app.MapOfflineLog();
app.MapOpenApi("/openapi/{documentName}.json");
app.MapApiReference();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
app.MapAdditionalIdentityEndpoints();

await app.InitializeDatabaseAsync();
app.PrintStartupBanner();

await app.RunAsync();
