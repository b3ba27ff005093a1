using System.Threading.RateLimiting;

namespace LegCrampCare.Web.Services;

/// <summary>
/// Limits form posts to the sign-in, registration, password-reset and invitation pages per client address, so that guessing
/// passwords, mass registration and using the account lockout to lock someone out are all slow and expensive.
/// </summary>
public static class AccountRateLimiting
{
    public const string Section = "RateLimits";

    private static readonly string[] LimitedPaths =
        ["/Account/Login", "/Account/LoginWith2fa", "/Account/LoginWithRecoveryCode", "/Account/Register", "/Account/ForgotPassword", "/Account/ResetPassword", "/Account/AcceptInvitation"];

    public static IServiceCollection AddAccountRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                var path = LimitedPaths.FirstOrDefault(p => context.Request.Path.Equals(p, StringComparison.OrdinalIgnoreCase));
                if (path is null || !HttpMethods.IsPost(context.Request.Method))
                {
                    return RateLimitPartition.GetNoLimiter("unlimited");
                }

                var permits = configuration.GetValue($"{Section}:AccountPostsPerMinute", 10);
                var key = $"{path}|{ClientKey(context.Connection.RemoteIpAddress)}";
                return RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = permits,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                });
            });
            Api.ApiPipeline.AddApiPolicy(options);
            options.OnRejected = async (context, ct) =>
            {
                if (Api.ApiPipeline.IsApi(context.HttpContext))
                {
                    await Api.ApiPipeline.RejectAsync(context, ct);
                    return;
                }

                context.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
                context.HttpContext.Response.Headers.RetryAfter = "60";
                await context.HttpContext.Response.WriteAsync(
                    "Too many attempts from this device. Please wait a minute, then try again.", ct);
            };
        });
        return services;
    }

    /// <summary>
    /// The address the limit counts against: an IPv4 address, or an IPv6 address's /64 network, which one home or phone
    /// is given as a whole (counting each of its addresses apart would give one person billions of limits).
    /// </summary>
    public static string ClientKey(System.Net.IPAddress? address)
    {
        if (address is null)
        {
            return "";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new System.Net.IPAddress(bytes) + "/64";
    }

    /// <summary>
    /// The network an address belongs to, for counting towards an account's lock (ADR 0018): an IPv4 /24, or an IPv6 /48
    /// (what one customer can be given as a whole, so one person's addresses count once).
    /// </summary>
    public static string NetworkKey(System.Net.IPAddress? address)
    {
        if (address is null)
        {
            return "";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        var bytes = address.GetAddressBytes();
        var ipv6 = address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6;
        Array.Clear(bytes, ipv6 ? 6 : 3, ipv6 ? 10 : 1);
        return new System.Net.IPAddress(bytes) + (ipv6 ? "/48" : "/24");
    }
}
