using System.Security.Cryptography;

namespace LegCrampCare.Web.Services;

/// <summary>
/// A fresh random value per request. The one inline script the page needs (Blazor's import map, whose content
/// changes with every build) carries it, and the Content-Security-Policy allows only scripts from this site and
/// that nonce.
/// </summary>
public sealed class CspNonce
{
    public string Value { get; } = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}
