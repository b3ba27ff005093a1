using System.Globalization;
using System.Text;

namespace LegCrampCare.Core.Features.Guidance;

/// <summary>Suggests a web address from a title: "Sleep position (left side)" → "sleep-position-left-side".</summary>
public static class GuidanceSlug
{
    public static string From(string? title)
    {
        var builder = new StringBuilder(GuidanceDraftValidator.MaxSlug);
        var pendingHyphen = false;
        foreach (var c in Decomposed(title ?? ""))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue; // "é" → "e"
            }

            if (c is >= 'a' and <= 'z' or >= '0' and <= '9' || c is >= 'A' and <= 'Z')
            {
                if (pendingHyphen && builder.Length > 0)
                {
                    builder.Append('-');
                }

                pendingHyphen = false;
                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                pendingHyphen = true;
            }

            if (builder.Length >= GuidanceDraftValidator.MaxSlug)
            {
                break;
            }
        }

        return builder.ToString().TrimEnd('-');
    }

    /// <summary>"é" as "e" and a combining accent; text that can't be normalised (a stray non-character) is taken as it is.</summary>
    private static string Decomposed(string title)
    {
        try
        {
            return title.Normalize(NormalizationForm.FormD);
        }
        catch (ArgumentException)
        {
            return title;
        }
    }
}
