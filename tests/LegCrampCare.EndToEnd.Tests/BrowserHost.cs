using LegCrampCare.Tests.Shared;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Playwright;

namespace LegCrampCare.EndToEnd.Tests;

/// <summary>The real app on a free port on 127.0.0.1, and a headless Debian Chromium driven by Playwright.</summary>
public class BrowserHost : IAsyncLifetime
{
    public static string ChromiumPath => Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public static bool BrowserAvailable => File.Exists(ChromiumPath);

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    private IPlaywright? _playwright;

    public TestAppFactory App { get; private set; } = default!;

    /// <summary>Every email the app sent (in place of an SMTP server), for tests to follow the links in them.</summary>
    public CapturingEmailTransport Emails { get; } = new();

    public IBrowser Browser { get; private set; } = default!;

    public Uri BaseAddress { get; private set; } = default!;

    /// <summary>Errors the browser reported (script errors, Content-Security-Policy violations), for tests to check.</summary>
    public System.Collections.Concurrent.ConcurrentBag<string> ConsoleErrors { get; } = [];

    /// <summary>Override to run the app with another clock.</summary>
    protected virtual TimeProvider? Time => null;

    /// <summary>Override to run the app in another environment than "Testing" (e.g. "Production").</summary>
    protected virtual string AppEnvironment => "Testing";

    /// <summary>Override to run the app with other settings (configuration keys and values).</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>();

    public async Task InitializeAsync()
    {
        if (!BrowserAvailable)
        {
            if (IsCi)
            {
                throw new InvalidOperationException($"CI=true but Chromium is missing at {ChromiumPath}: the browser tests cannot run.");
            }

            return;
        }

        App = new TestAppFactory { Time = Time, Emails = Emails, Environment = AppEnvironment };
        foreach (var (key, value) in Settings)
        {
            App.Settings[key] = value;
        }

        App.UseKestrel(0);
        App.StartServer();
        BaseAddress = App.ClientOptions.BaseAddress;

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic",
            ],
        });
    }

    /// <summary>A new browser context (its own cookies and an empty cache), as a phone would open the app.</summary>
    public async Task<IBrowserContext> NewContextAsync(string timeZone = "Europe/London")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            TimezoneId = timeZone,
            Locale = "en-GB",
            ViewportSize = new ViewportSize { Width = 412, Height = 915 },
        });
        // Actions and waits: 15 s. Navigations get 30 s: on CI's 2 cores a sign-up (210,000 PBKDF2 iterations) can land
        // while other test classes boot the rules in Chromium and another project runs its tests.
        context.SetDefaultTimeout(15_000);
        context.SetDefaultNavigationTimeout(30_000);
        return context;
    }

    public async Task<IPage> NewPageAsync(string timeZone = "Europe/London") => await NewPageAsync(await NewContextAsync(timeZone));

    /// <summary>A new page in the given context, its script errors collected in <see cref="ConsoleErrors"/>.</summary>
    public async Task<IPage> NewPageAsync(IBrowserContext context)
    {
        var page = await context.NewPageAsync();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                ConsoleErrors.Add($"{page.Url}: {message.Text}");
            }
        };
        page.PageError += (_, error) => ConsoleErrors.Add($"{page.Url}: {error}");
        return page;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (App is not null)
        {
            await App.DisposeAsync();
        }
    }
}

public static class PageExtensions
{
    /// <summary>Clicks made before the live connection is up are lost: wait for it (dev-environment gotcha 4).</summary>
    public static Task WaitForInteractiveAsync(this IPage page) =>
        page.WaitForSelectorAsync("body[data-interactive='true']", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached });

    public static async Task GotoInteractiveAsync(this IPage page, string path)
    {
        await page.GotoAsync(path);
        await page.WaitForInteractiveAsync();
    }
}
