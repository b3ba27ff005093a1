using System.Net;
using System.Text;
using LegCrampCare.Infrastructure.Email;
using LegCrampCare.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace LegCrampCare.Web.Services;

public enum PasswordSignInOutcome
{
    SignedIn,

    /// <summary>The password was right; the second step comes next.</summary>
    NeedsTwoFactor,

    /// <summary>Too many wrong passwords for this account from this address, or from this address for any: not tried.</summary>
    Wait,

    LockedOut,

    /// <summary>The email and password don't match an account (which of the two is never said).</summary>
    Wrong,
}

public sealed record PasswordSignInResult(PasswordSignInOutcome Outcome, TimeSpan Wait = default);

/// <summary>
/// Signing in with a password, with the sign-in page's protection against guessing (ADR 0018): a try inside a
/// <see cref="SignInThrottle"/> wait is refused before the password is checked; a wrong password adds to the waits; and
/// when enough wrong passwords from several addresses have counted, the account is locked (Identity's lockout end) and
/// its owner is emailed a password-reset link, which lets her in at once and unlocks it. Logs ids only.
/// </summary>
public sealed class PasswordSignIn(
    SignInManager<ApplicationUser> signIn,
    UserManager<ApplicationUser> users,
    SignInThrottle throttle,
    IAccountEmailSender email,
    IOptions<SignInThrottleOptions> options,
    TimeProvider time,
    ILogger<PasswordSignIn> logger)
{
    /// <param name="resetLinkFor">Makes the absolute reset-password link for an encoded reset code.</param>
    public async Task<PasswordSignInResult> SignInAsync(string account, string password, bool remember, IPAddress? address, Func<string, string> resetLinkFor)
    {
        var client = AccountRateLimiting.ClientKey(address);
        if (throttle.WaitBefore(account, client) is { } wait)
        {
            logger.LogWarning("Security: sign-in not tried, waiting {Seconds} s after wrong passwords from this address", (int)Math.Ceiling(wait.Remaining.TotalSeconds));
            return new PasswordSignInResult(PasswordSignInOutcome.Wait, wait.Remaining);
        }

        // Identity's own counting is off here: the throttle decides when to lock, so that one address can't.
        var result = await signIn.PasswordSignInAsync(account, password, remember, lockoutOnFailure: false);
        if (result.Succeeded || result.RequiresTwoFactor)
        {
            throttle.Succeeded(account, client);
            return new PasswordSignInResult(result.Succeeded ? PasswordSignInOutcome.SignedIn : PasswordSignInOutcome.NeedsTwoFactor);
        }

        if (result.IsLockedOut)
        {
            logger.LogWarning("Security: sign-in refused, the account is locked");
            return new PasswordSignInResult(PasswordSignInOutcome.LockedOut);
        }

        logger.LogInformation("Sign-in failed");
        if (!throttle.Failed(account, client) || await users.FindByEmailAsync(account) is not { } user)
        {
            return new PasswordSignInResult(PasswordSignInOutcome.Wrong);
        }

        return await LockAsync(user, resetLinkFor)
            ? new PasswordSignInResult(PasswordSignInOutcome.LockedOut)
            : new PasswordSignInResult(PasswordSignInOutcome.Wrong);
    }

    /// <summary>Her password was reset: the lock and every wait for her account end.</summary>
    public async Task UnlockAfterResetAsync(ApplicationUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        throttle.Forget(user.Email ?? user.UserName ?? "");
        if (await users.IsLockedOutAsync(user))
        {
            await users.SetLockoutEndDateAsync(user, null);
            logger.LogInformation("Account {UserId} unlocked by a password reset", user.Id);
        }

        await users.ResetAccessFailedCountAsync(user);
    }

    private async Task<bool> LockAsync(ApplicationUser user, Func<string, string> resetLinkFor)
    {
        if (await users.IsLockedOutAsync(user))
        {
            return true;
        }

        var until = time.GetUtcNow() + options.Value.LockDuration;
        var locked = await users.SetLockoutEndDateAsync(user, until);
        if (!locked.Succeeded)
        {
            logger.LogWarning("Security: account {UserId} could not be locked ({Codes})", user.Id, string.Join(", ", locked.Errors.Select(e => e.Code)));
            return false;
        }

        logger.LogWarning("Security: account {UserId} locked until {Until:u} after wrong passwords from several addresses", user.Id, until.UtcDateTime);
        var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(await users.GeneratePasswordResetTokenAsync(user)));
        if (user.Email is { Length: > 0 } address)
        {
            await email.SendAccountLockedAsync(user, address, resetLinkFor(code), until.UtcDateTime, CancellationToken.None);
        }

        return true;
    }
}
