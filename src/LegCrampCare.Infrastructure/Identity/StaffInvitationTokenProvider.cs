using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LegCrampCare.Infrastructure.Identity;

/// <summary>
/// Options of <see cref="StaffInvitationTokenProvider"/>: its own name, so that its tokens are protected under their own
/// purpose and never validate as password-reset tokens (or the other way round), and its own lifespan: 72 hours unless
/// the setting <c>Invitations:LinkLifetime</c> says otherwise (more than 0, at most 30 days).
/// </summary>
public sealed class StaffInvitationTokenProviderOptions : DataProtectionTokenProviderOptions
{
    public const string ProviderName = "StaffInvitation";
    public const string LifetimeSetting = "Invitations:LinkLifetime";

    public static readonly TimeSpan DefaultLifespan = TimeSpan.FromHours(72);
    public static readonly TimeSpan MaxLifespan = TimeSpan.FromDays(30);

    public StaffInvitationTokenProviderOptions()
    {
        Name = ProviderName;
        TokenLifespan = DefaultLifespan;
    }
}

/// <summary>
/// The token in a staff invitation link. It works like Identity's <see cref="DataProtectorTokenProvider{TUser}"/> (a
/// data-protected blob of creation time, user id, purpose and security stamp), except that the time comes from the app's
/// <see cref="TimeProvider"/> — the base class reads the system clock — so that expiry follows the app's clock and can be
/// tested. Tied to the security stamp, a token stops working as soon as a password is set or a new invitation is sent.
/// </summary>
public sealed class StaffInvitationTokenProvider(
    IDataProtectionProvider dataProtection,
    IOptions<StaffInvitationTokenProviderOptions> options,
    ILogger<DataProtectorTokenProvider<ApplicationUser>> logger,
    TimeProvider time)
    : DataProtectorTokenProvider<ApplicationUser>(dataProtection, options, logger)
{
    private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public override async Task<string> GenerateAsync(string purpose, UserManager<ApplicationUser> manager, ApplicationUser user)
    {
        ArgumentNullException.ThrowIfNull(manager);
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, Utf8, leaveOpen: true))
        {
            writer.Write(time.GetUtcNow().UtcTicks);
            writer.Write(await manager.GetUserIdAsync(user));
            writer.Write(purpose ?? "");
            writer.Write(await manager.GetSecurityStampAsync(user) ?? "");
        }

        return Convert.ToBase64String(Protector.Protect(buffer.ToArray()));
    }

    public override async Task<bool> ValidateAsync(string purpose, string token, UserManager<ApplicationUser> manager, ApplicationUser user)
    {
        ArgumentNullException.ThrowIfNull(manager);
        DateTimeOffset expires;
        string userId, tokenPurpose, stamp;
        try
        {
            using var buffer = new MemoryStream(Protector.Unprotect(Convert.FromBase64String(token)));
            using var reader = new BinaryReader(buffer, Utf8, leaveOpen: false);
            expires = new DateTimeOffset(reader.ReadInt64(), TimeSpan.Zero) + Options.TokenLifespan;
            userId = reader.ReadString();
            tokenPurpose = reader.ReadString();
            stamp = reader.ReadString();
            if (reader.PeekChar() != -1)
            {
                return false;
            }
        }
        catch (Exception ex) when (ex is FormatException or CryptographicException or IOException or ArgumentException)
        {
            // Garbled, cut short, or protected with another key or purpose.
            return false;
        }

        return expires >= time.GetUtcNow()
            && userId == await manager.GetUserIdAsync(user)
            && string.Equals(tokenPurpose, purpose, StringComparison.Ordinal)
            && stamp == (await manager.GetSecurityStampAsync(user) ?? "");
    }
}
