using System.Net;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.HttpsPolicy;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace LegCrampCare.Web.Services;

/// <summary>The reverse proxies whose X-Forwarded-For and X-Forwarded-Proto headers the app believes ("Proxy" settings).</summary>
public sealed class ProxyOptions
{
    public const string Section = "Proxy";

    /// <summary>Addresses of proxies in front of the app, e.g. "10.0.0.5". A proxy on the same machine (loopback) is always believed.</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Address ranges of proxies in front of the app, e.g. "10.0.0.0/8".</summary>
    public string[] KnownNetworks { get; set; } = [];
}

/// <summary>
/// Strict-Transport-Security, sent outside Development on HTTPS responses ("Hsts" settings): how long a browser keeps
/// to HTTPS for this site, and the two options that reach further, which an operator turns on knowingly.
/// </summary>
public sealed class HstsSettings
{
    public const string Section = "Hsts";

    /// <summary>How long browsers remember to use HTTPS only. One year by default; at most two.</summary>
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromDays(365);

    /// <summary>Also every name under this one (e.g. staff.care.example): only when all of them serve HTTPS.</summary>
    public bool IncludeSubDomains { get; set; }

    /// <summary>
    /// Asks to be built into browsers (hstspreload.org): hard to undo, and the list requires IncludeSubDomains and a
    /// MaxAge of at least a year.
    /// </summary>
    public bool Preload { get; set; }
}

/// <summary>
/// What changes between a developer's machine and a deployment (ADR 0015): the client's real address and scheme
/// behind a reverse proxy that ends TLS, and cookies that are <c>Secure</c> with the <c>__Host-</c> prefix.
/// </summary>
public static class DeploymentSecurity
{
    public const string AuthCookie = "__Host-lcc-auth";
    public const string TwoFactorCookie = "__Host-lcc-2fa";

    /// <summary>Plain HTTP on loopback, where cookies can't be <c>Secure</c>-only everywhere (ADR 0006).</summary>
    public static bool IsLoopbackDevelopment(IHostEnvironment environment) =>
        environment.IsDevelopment() || environment.IsEnvironment("Testing");

    /// <summary>
    /// Outside Development, a page served over plain HTTP to a name other than localhost: the browser won't keep the
    /// sign-in cookie, so the sign-in page says what to do instead of failing silently.
    /// </summary>
    public static bool CannotKeepSignIn(HttpContext context, IHostEnvironment environment) =>
        !IsLoopbackDevelopment(environment) && !context.Request.IsHttps && !IsLoopbackName(context.Request.Host.Host);

    private static bool IsLoopbackName(string host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
        || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));

    public static IServiceCollection AddDeploymentSecurity(this IServiceCollection services)
    {
        services.AddOptions<HstsSettings>()
            .BindConfiguration(HstsSettings.Section)
            .Validate(o => o.MaxAge >= TimeSpan.Zero && o.MaxAge <= TimeSpan.FromDays(730),
                "Hsts:MaxAge must be from 0 to 730.00:00:00 (two years), for example 365.00:00:00 for one year.")
            .Validate(o => !o.Preload || (o.IncludeSubDomains && o.MaxAge >= TimeSpan.FromDays(365)),
                "Hsts:Preload needs Hsts:IncludeSubDomains=true and Hsts:MaxAge of at least 365.00:00:00 (the preload list's rules).")
            .ValidateOnStart();
        services.AddOptions<HstsOptions>().Configure<IOptions<HstsSettings>>((o, settings) =>
        {
            o.MaxAge = settings.Value.MaxAge;
            o.IncludeSubDomains = settings.Value.IncludeSubDomains;
            o.Preload = settings.Value.Preload;
        });

        services.AddOptions<ProxyOptions>()
            .BindConfiguration(ProxyOptions.Section)
            .Validate(o => o.KnownProxies.All(p => IPAddress.TryParse(p, out _)),
                "Proxy:KnownProxies must be IP addresses of your reverse proxies, for example 10.0.0.5.")
            .Validate(o => o.KnownNetworks.All(n => System.Net.IPNetwork.TryParse(n, out _)),
                "Proxy:KnownNetworks must be address ranges, for example 10.0.0.0/8.")
            .ValidateOnStart();

        // Only the nearest proxy's word counts (ForwardLimit 1), and only from loopback or a known proxy: anyone else
        // sending X-Forwarded-For can't pick the address the sign-in limits count against. PostConfigure, so that the
        // lists hold even when ASPNETCORE_FORWARDEDHEADERS_ENABLED (which clears them) is set.
        services.AddOptions<ForwardedHeadersOptions>().PostConfigure<IOptions<ProxyOptions>>((o, proxy) =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.ForwardLimit = 1;
            AddOnce(o.KnownProxies, IPAddress.IPv6Loopback);
            AddOnce(o.KnownIPNetworks, new System.Net.IPNetwork(IPAddress.Loopback, 8));
            foreach (var address in proxy.Value.KnownProxies)
            {
                AddOnce(o.KnownProxies, IPAddress.Parse(address));
            }

            foreach (var network in proxy.Value.KnownNetworks)
            {
                AddOnce(o.KnownIPNetworks, System.Net.IPNetwork.Parse(network));
            }
        });

        // First of all middleware, before the routing, authentication and authorization WebApplication adds itself, so
        // that a sign-in redirect already knows the request came over HTTPS.
        services.Insert(0, ServiceDescriptor.Singleton<IStartupFilter, ForwardedHeadersFirst>());

        // Outside Development and tests the cookies that prove who she is are Secure and host-only (__Host-). The
        // anti-forgery cookie is Secure over HTTPS only (SameAsRequest): with Always, ASP.NET Core refuses to render any
        // page over plain HTTP.
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<IHostEnvironment>((o, environment) => Harden(o.Cookie, AuthCookie, environment));
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme)
            .Configure<IHostEnvironment>((o, environment) => Harden(o.Cookie, TwoFactorCookie, environment));
        services.AddOptions<AntiforgeryOptions>()
            .Configure<IHostEnvironment>((o, environment) =>
            {
                if (!IsLoopbackDevelopment(environment))
                {
                    o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                }
            });
        return services;
    }

    private static void AddOnce<T>(IList<T> list, T item)
    {
        if (!list.Contains(item))
        {
            list.Add(item);
        }
    }

    private sealed class ForwardedHeadersFirst : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.UseForwardedHeaders();
            next(app);
        };
    }

    private static void Harden(CookieBuilder cookie, string name, IHostEnvironment environment)
    {
        if (IsLoopbackDevelopment(environment))
        {
            return;
        }

        cookie.Name = name;
        cookie.Path = "/";
        cookie.Domain = null;
        cookie.SecurePolicy = CookieSecurePolicy.Always;
    }
}
