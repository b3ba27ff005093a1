namespace LegCrampCare.EndToEnd.Tests;

/// <summary>
/// A test that needs Debian's Chromium. Without it the test is skipped with a visible reason, except in CI
/// (CI=true), where a missing browser is a failure, not a skip.
/// </summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (!BrowserHost.BrowserAvailable && !BrowserHost.IsCi)
        {
            Skip = $"Chromium not found at {BrowserHost.ChromiumPath}: install Debian's 'chromium' package to run the browser tests.";
        }
    }
}
