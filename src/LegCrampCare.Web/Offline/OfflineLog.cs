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

        // The service worker, with this build's version in it: when the shell or the rules change, the worker's bytes
        // change, the browser installs it, and it replaces the kept files.
        app.MapGet("/sw.js", (IWebHostEnvironment environment, IEnumerable<EndpointDataSource> sources) =>
        {
            var script = ServiceWorker.Value
                .Replace("__VERSION__", Version(environment), StringComparison.Ordinal)
                .Replace("[/*__ENGINE_FILES__*/]", System.Text.Json.JsonSerializer.Serialize(EngineFiles(sources)), StringComparison.Ordinal);
            return Results.Text(script, "text/javascript; charset=utf-8");
        }).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static readonly Lazy<string> ServiceWorker = new(() =>
    {
        using var stream = typeof(OfflineLog).Assembly.GetManifestResourceStream("LegCrampCare.Web.Offline.sw.js")
            ?? throw new InvalidOperationException("The service worker is missing from the build.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    private static string? version;

    private static IReadOnlyList<string>? engineFiles;

    /// <summary>
    /// The rules' WebAssembly files, as the app serves them (its static assets under /engine/_framework/): the worker keeps
    /// them all when it installs, so the rules start with no connection. Debug symbols and source maps are left out.
    /// </summary>
    private static IReadOnlyList<string> EngineFiles(IEnumerable<EndpointDataSource> sources) =>
        engineFiles ??= sources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .Select(e => e.RoutePattern.RawText ?? "")
            .Where(r => r.StartsWith("engine/_framework/", StringComparison.Ordinal)
                        && !r.EndsWith(".gz", StringComparison.Ordinal) && !r.EndsWith(".br", StringComparison.Ordinal)
                        && !r.EndsWith(".pdb", StringComparison.Ordinal) && !r.EndsWith(".map", StringComparison.Ordinal))
            .Select(r => "/" + r)
            .Distinct(StringComparer.Ordinal)
            // Both the plain and the fingerprinted address of a file: main.js imports dotnet.js by its plain name, the
            // runtime loads the rest by their fingerprinted ones.
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>A hash of everything the worker keeps and of the rules' build: it changes when any of them does.</summary>
    private static string Version(IWebHostEnvironment environment)
    {
        if (version is not null)
        {
            return version;
        }

        using var sha = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        sha.AppendData(typeof(LegCrampCare.Rules.TriageEngine).Assembly.ManifestModule.ModuleVersionId.ToByteArray());
        sha.AppendData(ServiceWorker.Value.Select(c => (byte)c).ToArray());
        foreach (var file in new[] { ShellFile, "log/log.css", "log/log.js", "log/store.js", "log/sync.js", "log/signout.js", "log/rules-worker.js", "manifest.webmanifest", "engine/main.js" })
        {
            var info = environment.WebRootFileProvider.GetFileInfo(file);
            if (info.Exists)
            {
                using var content = info.CreateReadStream();
                using var memory = new MemoryStream();
                content.CopyTo(memory);
                sha.AppendData(memory.ToArray());
            }
        }

        return version = Convert.ToHexStringLower(sha.GetHashAndReset(), 0, 8);
    }
}
