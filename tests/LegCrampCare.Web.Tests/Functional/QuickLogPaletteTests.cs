using System.Text.RegularExpressions;

namespace LegCrampCare.Web.Tests.Functional;

/// <summary>
/// The quick log's stylesheet (wwwroot/log/log.css) carries its own copy of the night palette so that the static shell
/// loads nothing else; this keeps the copy equal to the live pages' night palette (app.css, .lcc-night).
/// </summary>
public sealed partial class QuickLogPaletteTests
{
    [GeneratedRegex(@"(--lcc-[a-z-]+):\s*(#[0-9a-fA-F]{3,8});")]
    private static partial Regex Colour();

    private static Dictionary<string, string> Colours(string css) =>
        Colour().Matches(css).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value.ToLowerInvariant(), StringComparer.Ordinal);

    private static string Block(string css, string selector)
    {
        var start = css.IndexOf(selector + " {", StringComparison.Ordinal);
        Assert.True(start >= 0, $"{selector} not found");
        return css[start..css.IndexOf('}', start)];
    }

    [Fact]
    public void LogStylesheet_NightPalette_SameColoursAsTheLivePages()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "LegCrampCare.sln")))
        {
            dir = dir.Parent;
        }

        Assert.NotNull(dir);
        var wwwroot = Path.Combine(dir.FullName, "src", "LegCrampCare.Web", "wwwroot");
        var live = Colours(Block(File.ReadAllText(Path.Combine(wwwroot, "app.css")), ".lcc-night"));
        var shell = Colours(Block(File.ReadAllText(Path.Combine(wwwroot, "log", "log.css")), ":root"));

        Assert.Equal(10, live.Count);
        Assert.Equal(live.OrderBy(c => c.Key), shell.OrderBy(c => c.Key));
    }
}
