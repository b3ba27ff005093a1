using Microsoft.Extensions.FileProviders;

namespace LegCrampCare.Web.Offline;

/// <summary>
/// The offline-first quick log at <c>/log</c> (ADR 0021): a static shell with no patient data and no inline script,
/// the same file for everyone, used online and offline. Its scripts, styles and the rules' WebAssembly files are static
/// assets (<c>/log/…</c>, <c>/engine/…</c>).
/// </summary>
public static class OfflineLog
{
    public const string Path = "/log";

    private const string ShellFile = "log/index.html";

    /// <summary>The quick log's page and everything it loads: the pages whose Content-Security-Policy lets WebAssembly compile.</summary>
    public static bool RunsTheRules(PathString path) =>
        path.Equals(Path, StringComparison.OrdinalIgnoreCase) || path.StartsWithSegments(Path) || path.StartsWithSegments("/engine");

    public static IEndpointRouteBuilder MapOfflineLog(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, (IWebHostEnvironment environment) =>
        {
            var shell = environment.WebRootFileProvider.GetFileInfo(ShellFile);
            return shell.Exists
                ? Results.Stream(shell.CreateReadStream(), "text/html; charset=utf-8")
                : Results.NotFound();
        }).AllowAnonymous().ExcludeFromDescription();
        return app;
    }
}
