using System.Net;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.HttpOverrides;
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
/// What changes between a developer's machine and a deployment (ADR 0015): the client's real address and scheme
/// behind a reverse proxy that ends TLS, and cookies that are <c>Secure</c> with the <c>__Host-</c> prefix.
/// </summary>
public static class DeploymentSecurity
{
    public const string AuthCookie = "__Host-lcc-auth";
    public const string TwoFactorCookie = "__Host-lcc-2fa";
    public const string AntiforgeryCookie = "__Host-lcc-af";

    /// <summary>Plain HTTP on loopback, where cookies can't be <c>Secure</c>-only everywhere (ADR 0006).</summary>
    public static bool IsLoopbackDevelopment(IHostEnvironment environment) =>
        environment.IsDevelopment() || environment.IsEnvironment("Testing");

    public static IServiceCollection AddDeploymentSecurity(this IServiceCollection services)
    {
        services.AddOptions<ProxyOptions>()
            .BindConfiguration(ProxyOptions.Section)
            .Validate(o => o.KnownProxies.All(p => IPAddress.TryParse(p, out _)),
                "Proxy:KnownProxies must be IP addresses of your reverse proxies, for example 10.0.0.5.")
            .Validate(o => o.KnownNetworks.All(n => System.Net.IPNetwork.TryParse(n, out _)),
                "Proxy:KnownNetworks must be address ranges, for example 10.0.0.0/8.")
            .ValidateOnStart();

        // Only the nearest proxy's word counts (ForwardLimit 1), and only from a known proxy: anyone else sending
        // X-Forwarded-For can't pick the address the sign-in limits count against.
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ProxyOptions>>((o, proxy) =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.ForwardLimit = 1;
            foreach (var address in proxy.Value.KnownProxies)
            {
                o.KnownProxies.Add(IPAddress.Parse(address));
            }

            foreach (var network in proxy.Value.KnownNetworks)
            {
                o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });

        // Outside Development and tests every cookie that proves who she is is Secure and host-only (__Host-).
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<IHostEnvironment>((o, environment) => Harden(o.Cookie, AuthCookie, environment));
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme)
            .Configure<IHostEnvironment>((o, environment) => Harden(o.Cookie, TwoFactorCookie, environment));
        services.AddOptions<AntiforgeryOptions>()
            .Configure<IHostEnvironment>((o, environment) => Harden(o.Cookie, AntiforgeryCookie, environment));
        return services;
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
