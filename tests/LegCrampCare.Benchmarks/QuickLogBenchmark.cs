using System.Diagnostics;
using System.Globalization;
using LegCrampCare.Core.Abstractions;
using LegCrampCare.Core.Domain;
using LegCrampCare.Infrastructure.Identity;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace LegCrampCare.Benchmarks;

/// <summary>
/// The offline quick log in real Chromium (issue 14; docs/performance.md, "The rules in the browser"): with the network
/// off, the time from the tap on a leg to "Saved on this phone" (target ≤ 100 ms), from the tap on a warning sign's "Yes"
/// to the result card made by the rules on the phone (≤ 1 s), and from a reload to the quick log on screen from the
/// service worker's cache (≤ 1 s). Each is repeated; the median and the 95th percentile are printed. The times are taken
/// by this driver, so they include Playwright's round trip to the browser (a few milliseconds). Not BenchmarkDotNet: a
/// browser, not a method. Needs Debian's Chromium (/usr/bin/chromium, or CHROMIUM_PATH).
/// </summary>
public static class QuickLogBenchmark
{
    private const string Password = "quiet night leg stretch benchmark";

    public static async Task<int> RunAsync(string[] args)
    {
        var rounds = args.Length > 1 && int.TryParse(args[1], CultureInfo.InvariantCulture, out var n) ? n : 30;
        var chromium = Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path : "/usr/bin/chromium";
        var folder = Path.Combine(Path.GetTempPath(), "legcrampcare-bench", "log-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            await using var app = new App(folder);
            var baseAddress = await app.StartWithPatientAsync("bench-log@example.org");
            using var playwright = await Playwright.CreateAsync();
            await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = chromium, Headless = true, Args = ["--no-sandbox", "--disable-gpu"] });
            var context = await browser.NewContextAsync(new() { BaseURL = baseAddress.ToString(), ViewportSize = new() { Width = 412, Height = 915 } });
            var page = await context.NewPageAsync();
            var errors = new List<string>();
            page.Console += (_, m) => { if (m.Type == "error") { errors.Add(m.Text); } };
            page.PageError += (_, e) => errors.Add(e);
            await page.GotoAsync("/Account/Login");
            await page.GetByLabel("Email", new() { Exact = true }).FillAsync("bench-log@example.org");
            await page.GetByLabel("Password", new() { Exact = true }).FillAsync(Password);
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
            await page.WaitForURLAsync(u => !u.Contains("/Account/Login", StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.Commit });
            await page.GotoAsync("/log");
            try
            {
                await page.GetByRole(AriaRole.Group, new() { Name = "Which leg?" }).WaitForAsync(new() { Timeout = 30_000 });
            }
            catch (TimeoutException)
            {
                throw new InvalidOperationException("The quick log did not open: " + await page.Locator("main").InnerTextAsync() + "\n" + string.Join("\n", errors));
            }
            await page.WaitForFunctionAsync("async () => !!(await navigator.serviceWorker.ready).active && !!navigator.serviceWorker.controller", null, new() { Timeout = 120_000 });
            await page.WaitForFunctionAsync("async () => { const { loadRules } = await import('/log/log.js'); return !!(await loadRules()).assess; }", null, new() { Timeout = 120_000 });
            await context.SetOfflineAsync(true);

            var saved = new List<double>();
            var answered = new List<double>();
            var opened = new List<double>();
            for (var i = 0; i < rounds; i++)
            {
                await page.ReloadAsync();
                await page.GetByRole(AriaRole.Group, new() { Name = "Which leg?" }).WaitForAsync();
                // As she would: a moment to choose the leg, by which time the rules have started on the phone.
                await page.WaitForFunctionAsync("async () => { const { loadRules } = await import('/log/log.js'); return !!(await loadRules()).assess; }");
                await page.WaitForTimeoutAsync(400);
                var leg = page.GetByRole(AriaRole.Button, new() { Name = i % 2 == 0 ? "Left" : "Right", Exact = true });
                var started = Stopwatch.GetTimestamp();
                await leg.ClickAsync();
                await page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Saved on this phone" }).WaitForAsync();
                saved.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);

                await page.WaitForTimeoutAsync(400);
                started = Stopwatch.GetTimestamp();
                await page.GetByRole(AriaRole.Button, new() { Name = "Yes", Exact = true }).ClickAsync(); // suddenly short of breath
                await page.GetByTestId("result-card").WaitForAsync();
                answered.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);

                started = Stopwatch.GetTimestamp();
                await page.ReloadAsync();
                await page.GetByRole(AriaRole.Group, new() { Name = "Which leg?" }).WaitForAsync();
                opened.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }

            // At once: the leg tapped as soon as it is on screen and "Yes" as soon as its question is, while the rules
            // are still starting (in their worker, or on the page's thread where there is none).
            var savedAtOnce = new List<double>();
            var answeredAtOnce = new List<double>();
            for (var i = 0; i < rounds; i++)
            {
                await page.ReloadAsync();
                var leg = page.GetByRole(AriaRole.Button, new() { Name = i % 2 == 0 ? "Left" : "Right", Exact = true, Disabled = false });
                await leg.WaitForAsync();
                var started = Stopwatch.GetTimestamp();
                await leg.ClickAsync();
                await page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Saved on this phone" }).WaitForAsync();
                savedAtOnce.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);

                var yes = page.GetByRole(AriaRole.Button, new() { Name = "Yes", Exact = true, Disabled = false });
                await yes.WaitForAsync();
                started = Stopwatch.GetTimestamp();
                await yes.ClickAsync();
                await page.GetByTestId("result-card").WaitForAsync();
                answeredAtOnce.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }

            Console.WriteLine($"Offline quick log, {rounds} rounds in Chromium, {Environment.ProcessorCount} cores (Release app; the rules as built beside it):");
            Print("tap on a leg → \"Saved on this phone\" (target ≤ 100 ms)", saved);
            Print("\"Yes\" to a warning sign → the phone's result card (target ≤ 1,000 ms)", answered);
            Print("reload with no network → the quick log on screen (target ≤ 1,000 ms)", opened);
            Console.WriteLine("Tapping at once after opening, while the rules start:");
            Print("tap on a leg → \"Saved on this phone\" (target ≤ 100 ms)", savedAtOnce);
            Print("\"Yes\" to a warning sign → the phone's result card (target ≤ 1,000 ms)", answeredAtOnce);
            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // Left for the OS to clean.
            }
        }
    }

    private static void Print(string what, List<double> ms)
    {
        var sorted = ms.Order().ToList();
        double P(double q) => sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Count) - 1, 0, sorted.Count - 1)];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {what}: median {P(0.5):0} ms, p95 {P(0.95):0} ms, max {sorted[^1]:0} ms"));
    }

    /// <summary>The real app on Kestrel (loopback) in its own data folder, with one patient.</summary>
    private sealed class App(string folder) : WebApplicationFactory<LegCrampCare.Web.AuthOptions>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            builder.UseStaticWebAssets(); // the pages' files, the quick log's and the rules' from the build (as the test hosts do)
            Microsoft.AspNetCore.TestHost.WebHostBuilderExtensions.UseSolutionRelativeContentRoot(builder, "src/LegCrampCare.Web");
            builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Data:Folder"] = folder,
                ["Serilog:MinimumLevel:Default"] = "Warning",
            }));
        }

        public async Task<Uri> StartWithPatientAsync(string email)
        {
            UseKestrel(0);
            StartServer();
            await using var scope = Services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, CreatedAtUtc = DateTime.UtcNow, HealthDataConsentAtUtc = DateTime.UtcNow };
            if (!(await users.CreateAsync(user, Password)).Succeeded || !(await users.AddToRoleAsync(user, Roles.Patient)).Succeeded)
            {
                throw new InvalidOperationException("Benchmark set-up failed: the patient.");
            }

            await scope.ServiceProvider.GetRequiredService<IProfileStore>().SaveAsync(new PregnancyProfile
            {
                UserId = user.Id, DisplayName = "Bench", DateOfBirth = new DateOnly(1990, 1, 1),
                DueDate = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(60), TimeZoneId = "Europe/London",
                CreatedAtUtc = DateTime.UtcNow, UpdatedAtUtc = DateTime.UtcNow,
            }, CancellationToken.None);
            return ClientOptions.BaseAddress;
        }
    }
}
