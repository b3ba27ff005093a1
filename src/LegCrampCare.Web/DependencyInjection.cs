using System.Security.Claims;
using LegCrampCare.Core.Abstractions;
using LegCrampCare.Core.Features.Safety;
using LegCrampCare.Core.Features.Sharing;
using LegCrampCare.Core.Triage;
using LegCrampCare.Rules;
using LegCrampCare.Infrastructure;
using LegCrampCare.Infrastructure.Identity;
using LegCrampCare.Infrastructure.Persistence;
using LegCrampCare.Web.Api;
using LegCrampCare.Web.Components.Account;
using LegCrampCare.Web.Services;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using MudBlazor.Services;

namespace LegCrampCare.Web;

public static class DependencyInjection
{
    /// <summary>The "Sharing" section; an open patient page re-checks consent at least once a minute whatever it says.</summary>
    public static SharingOptions SharingOptionsFrom(IConfiguration configuration)
    {
        var options = configuration.GetSection(SharingOptions.Section).Get<SharingOptions>() ?? new SharingOptions();
        if (options.RecheckInterval <= TimeSpan.Zero || options.RecheckInterval > TimeSpan.FromMinutes(1))
        {
            options.RecheckInterval = TimeSpan.FromMinutes(1);
        }

        return options;
    }

    /// <summary>UI, authentication and the web app's adapters for Core's ports.</summary>
    public static IServiceCollection AddWebServices(this IServiceCollection services, IConfiguration configuration)
    {
        // Guidance editors send article text (up to 100,000 characters) as they type; the 32 KB default would drop the
        // connection mid-edit. 640 KB covers the largest allowed text in any script; the service still validates it.
        services.AddRazorComponents().AddInteractiveServerComponents()
            .AddHubOptions(options => options.MaximumReceiveMessageSize = 640 * 1024);
        services.AddMudServices();
        // The numbers every result and page gives: checked at start, so a typo never reaches a patient at 3 a.m.
        services.AddOptions<SafetyOptions>()
            .Bind(configuration.GetSection(SafetyOptions.Section))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<SafetyOptions>, SafetyOptionsValidator>();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<SafetyOptions>>().Value);

        // The rule engine with the thresholds of this deployment ("Triage" section; the defaults are rule set 2026.2).
        var triage = configuration.GetSection(TriageOptions.SectionName).Get<TriageOptions>() ?? TriageOptions.Default;
        services.AddSingleton(new TriageEngine(triage));
        services.Configure<AuthOptions>(configuration.GetSection(AuthOptions.Section));
        services.Configure<CircuitPauseOptions>(configuration.GetSection(CircuitPauseOptions.Section));
        // Read when first resolved, so that configuration added after this call (test hosts) counts.
        services.AddSingleton(sp => SharingOptionsFrom(sp.GetRequiredService<IConfiguration>()));

        services.AddCascadingAuthenticationState();
        services.AddScoped<IdentityRedirectManager>();
        services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();
        services.AddScoped<ICurrentUser, CurrentUser>();
        services.AddScoped<Offline.DeviceDrafts>();
        services.AddScoped<UserAdministration>();
        services.AddScoped<AuditTrailQuery>();
        services.AddScoped<ThemeDecider>();
        services.AddScoped<CspNonce>();
        services.AddSingleton<GuidanceRenderer>();
        services.AddSingleton<AccountLinks>();
        services.AddScoped<DemoDataSeeder>();

        services.AddAuthentication(options =>
            {
                options.DefaultScheme = IdentityConstants.ApplicationScheme;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies(cookies => cookies.ApplicationCookie?.Configure(o =>
            {
                o.Cookie.Name = "lcc-auth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.LoginPath = "/Account/Login";
                o.AccessDeniedPath = "/Account/AccessDenied";
                o.ExpireTimeSpan = TimeSpan.FromDays(14);
                o.SlidingExpiration = true;
                Api.ApiPipeline.AnswerApiWithStatus(o);
            }));
        services.AddAuthorization();

        services.AddIdentityStores().AddSignInManager();

        // After Identity's own options: wrong passwords slow down per account and address, and lock only from several
        // addresses (ADR 0018).
        services.AddSignInThrottle();
        services.AddScoped<PasswordSignIn>();

        // Cookies are re-checked against the security stamp as often as live pages are, so signing out, changing the
        // password or losing a role ends sessions on other devices too.
        services.AddOptions<SecurityStampValidatorOptions>()
            .Configure<Microsoft.Extensions.Options.IOptions<AuthOptions>>((o, auth) =>
            {
                o.ValidationInterval = auth.Value.RevalidationInterval;

                // A re-checked cookie keeps the proof of the second step it was signed in with.
                o.OnRefreshingPrincipal = context =>
                {
                    if (context.CurrentPrincipal is { } current && StaffTwoFactor.HasSecondStep(current)
                        && context.NewPrincipal?.Identity is ClaimsIdentity identity && !StaffTwoFactor.HasSecondStep(context.NewPrincipal))
                    {
                        identity.AddClaim(new Claim(StaffTwoFactor.MethodClaim, StaffTwoFactor.MultiFactor));
                    }

                    return Task.CompletedTask;
                };
            });
        services.AddOptions<AuthOptions>()
            .Validate(o => o.RevalidationInterval >= TimeSpan.FromSeconds(1) && o.RevalidationInterval <= TimeSpan.FromDays(1),
                "Auth:RevalidationInterval must be at least 00:00:01 (one second) and at most 1.00:00:00 (a day).")
            .Validate<IHostEnvironment>(
                (o, environment) => o.StaffTwoFactor == StaffTwoFactorMode.Required || environment.IsDevelopment() || environment.IsEnvironment("Testing"),
                "Auth:StaffTwoFactor can be Off only in Development: staff must use two-step sign-in everywhere else.")
            .ValidateOnStart();

        // Invitations and password resets by SMTP ("Email" settings); in Development the links also go to the log.
        services.AddAccountEmail();
        services.AddScoped<StaffInvitations>();

        services.AddDeploymentSecurity();
        services.AddAccountRateLimiting(configuration);
        services.AddApi(configuration);
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return services;
    }
}

/// <summary>How often a live page re-checks that the session is still valid (sign-out elsewhere, password change).</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    public TimeSpan RevalidationInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Staff must use two-step sign-in (the default); Off only in Development and tests (ADR 0014).</summary>
    public StaffTwoFactorMode StaffTwoFactor { get; set; } = StaffTwoFactorMode.Required;
}

/// <summary>
/// The patient's own pages give up their live connection while hidden (a locked phone, another tab) and take it up again
/// when she comes back (ADR 0021): <c>Blazor.pauseCircuit()</c> after <see cref="PauseWhenHiddenAfter"/> hidden.
/// </summary>
public sealed class CircuitPauseOptions
{
    public const string Section = "Circuits";

    /// <summary>Off: the connection is kept while hidden, as on every staff page.</summary>
    public bool PauseWhenHidden { get; set; } = true;

    /// <summary>How long a page stays hidden before it pauses (1 second to 1 hour; outside that, 1 minute).</summary>
    public TimeSpan PauseWhenHiddenAfter { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The delay the page is given, in milliseconds.</summary>
    public int DelayMilliseconds =>
        (int)(PauseWhenHiddenAfter >= TimeSpan.FromSeconds(1) && PauseWhenHiddenAfter <= TimeSpan.FromHours(1)
            ? PauseWhenHiddenAfter
            : TimeSpan.FromMinutes(1)).TotalMilliseconds;
}

/// <summary>Names each unusable Safety setting, so the app stops at start with a message an operator can act on.</summary>
public sealed class SafetyOptionsValidator : IValidateOptions<SafetyOptions>
{
    public ValidateOptionsResult Validate(string? name, SafetyOptions options) =>
        options.Problems() is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
}
