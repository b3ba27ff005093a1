using System.Globalization;
using System.Text;
using QRCoder;

namespace LegCrampCare.Web.Services;

/// <summary>The authenticator key as people see it: in groups of four, as an otpauth:// link and as a QR code (SVG).</summary>
public static class TwoFactorCode
{
    public const string Issuer = "LegCrampCare";

    /// <summary>"JBSW Y3DP EHPK 3PXP": easier to type into an app by hand.</summary>
    public static string Grouped(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var builder = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            if (i > 0)
            {
                builder.Append(' ');
            }

            builder.Append(key.AsSpan(i, Math.Min(4, key.Length - i)));
        }

        return builder.ToString().ToUpperInvariant();
    }

    /// <summary>The link authenticator apps read (Key Uri Format): 6 digits, 30 seconds, SHA-1, labelled with the email.</summary>
    public static string OtpAuthUri(string email, string key) =>
        string.Create(CultureInfo.InvariantCulture,
            $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString(email)}?secret={key}&issuer={Uri.EscapeDataString(Issuer)}&digits=6");

    /// <summary>The QR code of <paramref name="uri"/> as SVG markup, drawn on the server (no script, no third party).</summary>
    public static string QrSvg(string uri)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(5);
    }

    /// <summary>The typed code without spaces or hyphens ("123 456" → "123456").</summary>
    public static string Normalise(string? typed) =>
        new((typed ?? "").Where(c => c is not (' ' or '-' or '\t')).ToArray());

    /// <summary>A recovery code as Identity stores it ("5K4QV-7FCG9"): typed in any case, with or without the hyphen or spaces.</summary>
    public static string NormaliseRecoveryCode(string? typed)
    {
        var plain = new string((typed ?? "").Where(char.IsLetterOrDigit).ToArray()).ToUpperInvariant();
        return plain.Length == 10 ? $"{plain[..5]}-{plain[5..]}" : plain;
    }
}
