using System.Data.Common;
using System.Globalization;

namespace LegCrampCare.Infrastructure.Stores;

/// <summary>
/// Reads dates and instants from a data reader quickly. SQLite keeps them as text in EF Core's formats ("2026-06-09" and
/// "2026-06-09 23:00:00.1234567"); parsing those by position is several times faster than the general parsers, which
/// matters when a query returns a thousand rows. Any other provider (or text in another format) goes through the
/// reader's own typed getters and the general parsers.
/// </summary>
internal static class ColumnReader
{
    public static DateOnly? DateOrNull(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : Date(reader, ordinal);

    public static DateOnly Date(DbDataReader reader, int ordinal)
    {
        if (reader.GetFieldType(ordinal) != typeof(string))
        {
            return reader.GetFieldValue<DateOnly>(ordinal);
        }

        var text = reader.GetString(ordinal);
        return text.Length == 10 && text[4] == '-' && text[7] == '-' && Digits(text, 0, 4, out var y) && Digits(text, 5, 2, out var m) && Digits(text, 8, 2, out var d)
            ? new DateOnly(y, m, d)
            : DateOnly.Parse(text, CultureInfo.InvariantCulture);
    }

    public static DateTime? InstantOrNull(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : Instant(reader, ordinal);

    /// <summary>A stored instant, as UTC (ADR 0022): SQLite's text or PostgreSQL's timestamp with time zone.</summary>
    public static DateTime Instant(DbDataReader reader, int ordinal) => DateTime.SpecifyKind(Read(reader, ordinal), DateTimeKind.Utc);

    private static DateTime Read(DbDataReader reader, int ordinal)
    {
        if (reader.GetFieldType(ordinal) != typeof(string))
        {
            return reader.GetDateTime(ordinal);
        }

        var text = reader.GetString(ordinal);
        if (text.Length >= 19 && text.Length <= 27 && text[4] == '-' && text[7] == '-' && text[10] == ' ' && text[13] == ':' && text[16] == ':'
            && Digits(text, 0, 4, out var y) && Digits(text, 5, 2, out var mo) && Digits(text, 8, 2, out var d)
            && Digits(text, 11, 2, out var h) && Digits(text, 14, 2, out var mi) && Digits(text, 17, 2, out var s))
        {
            var ticks = 0L;
            if (text.Length > 19)
            {
                if (text[19] != '.' || text.Length == 20 || !Digits(text, 20, text.Length - 20, out var fraction))
                {
                    return DateTime.Parse(text, CultureInfo.InvariantCulture);
                }

                ticks = fraction;
                for (var i = text.Length - 20; i < 7; i++)
                {
                    ticks *= 10;
                }
            }

            return new DateTime(y, mo, d, h, mi, s).AddTicks(ticks);
        }

        return DateTime.Parse(text, CultureInfo.InvariantCulture);
    }

    private static bool Digits(string text, int start, int length, out int value)
    {
        value = 0;
        for (var i = start; i < start + length; i++)
        {
            var digit = text[i] - '0';
            if (digit is < 0 or > 9)
            {
                return false;
            }

            value = (value * 10) + digit;
        }

        return true;
    }
}
