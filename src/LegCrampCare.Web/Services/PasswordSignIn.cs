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
        var check = throttle.Check(account, client);
        switch (check.Verdict)
        {
            case SignInVerdict.Locked:
                // Whether or not an account has this name: the answer says nothing about which accounts exist.
                logger.LogWarning("Security: sign-in not tried, the account name is locked after wrong passwords");
                return new PasswordSignInResult(PasswordSignInOutcome.LockedOut);
            case SignInVerdict.Wait:
                logger.LogWarning("Security: sign-in not tried, waiting {Seconds} s after wrong passwords from this address", (int)Math.Ceiling(check.Wait.TotalSeconds));
                return new PasswordSignInResult(PasswordSignInOutcome.Wait, check.Wait);
        }

        try
        {
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
            if (!throttle.Failed(account, client, AccountRateLimiting.NetworkKey(address)))
            {
                return new PasswordSignInResult(PasswordSignInOutcome.Wrong);
            }

            if (await users.FindByEmailAsync(account) is { } user)
            {
                await LockAsync(user, resetLinkFor);
            }

            return new PasswordSignInResult(PasswordSignInOutcome.LockedOut);
        }
        finally
        {
            throttle.Finish(account, client);
        }
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

    /// <summary>Locks her account in the database too (so a restart doesn't end it) and emails her a reset link, once.</summary>
    private async Task LockAsync(ApplicationUser user, Func<string, string> resetLinkFor)
    {
        if (await users.IsLockedOutAsync(user))
        {
            return;
        }

        var until = time.GetUtcNow() + options.Value.LockDuration;
        var locked = await users.SetLockoutEndDateAsync(user, until);
        if (!locked.Succeeded)
        {
            logger.LogWarning("Security: account {UserId} could not be locked in the database ({Codes})", user.Id, string.Join(", ", locked.Errors.Select(e => e.Code)));
        }

        logger.LogWarning("Security: account {UserId} locked until {Until:u} after wrong passwords from several networks", user.Id, until.UtcDateTime);
        var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(await users.GeneratePasswordResetTokenAsync(user)));
        if (user.Email is { Length: > 0 } address)
        {
            await email.SendAccountLockedAsync(user, address, resetLinkFor(code), until.UtcDateTime, AccountLockReason.WrongPasswords, CancellationToken.None);
        }
    }

    /// <summary>
    /// A wrong two-step code has just locked her account (Identity's own lockout, which only two-step codes use): she is
    /// emailed, since whoever tried had her password. The caller calls this only when the account was not locked before.
    /// </summary>
    public async Task NotifyTwoStepLockAsync(ApplicationUser user, Func<string, string> resetLinkFor)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (await users.FindByIdAsync(user.Id) is not { LockoutEnd: { } end } fresh)
        {
            return;
        }

        logger.LogWarning("Security: account {UserId} locked until {Until:u} after wrong two-step codes", fresh.Id, end.UtcDateTime);
        var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(await users.GeneratePasswordResetTokenAsync(fresh)));
        if (fresh.Email is { Length: > 0 } address)
        {
            await email.SendAccountLockedAsync(fresh, address, resetLinkFor(code), end.UtcDateTime, AccountLockReason.WrongTwoStepCodes, CancellationToken.None);
        }
    }
}
