using System.Collections.Concurrent;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace LegCrampCare.Web.Services;

/// <summary>
/// The "SignIn" settings: how wrong passwords slow down and, much later, lock an account (ADR 0018, ASVS 5.0 V6.3).
/// </summary>
public sealed class SignInThrottleOptions
{
    public const string Section = "SignIn";

    /// <summary>Wrong passwords for one account from one address before each further try must wait.</summary>
    public int FreeFailures { get; set; } = 3;

    /// <summary>The longest wait between tries for one account from one address (the waits double: 1 s, 2 s, 4 s…).</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Wrong passwords from one address, for any accounts, in an hour before its tries must wait (password spraying).</summary>
    public int FreeFailuresPerAddress { get; set; } = 20;

    /// <summary>The longest wait for an address that keeps failing on many accounts.</summary>
    public TimeSpan AddressMaxDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// Wrong passwords within a day that lock the account. Only the first <see cref="FreeFailures"/> from each address
    /// count, so a lock needs failures from at least LockAfterFailures / FreeFailures addresses (10 by default): one
    /// address can't lock anyone out. Also Identity's limit for wrong two-step codes.
    /// </summary>
    public int LockAfterFailures { get; set; } = 30;

    /// <summary>How long a locked account stays locked, unless its owner resets her password first (which unlocks it).</summary>
    public TimeSpan LockDuration { get; set; } = TimeSpan.FromHours(1);
}

/// <summary>Why a sign-in may not be tried now, and for how long.</summary>
public readonly record struct SignInWait(TimeSpan Remaining);

/// <summary>
/// Growing delays for wrong passwords, and when to lock (ADR 0018). Delays count per account and client address (an
/// IPv6 /64, as the rate limits count) and per address over all accounts. A try inside the wait is refused without
/// checking the password, so a guesser's tries slow down exponentially while the account's owner at another address
/// is not slowed at all. A right password clears the delay for that account and address. The account is locked only
/// when <see cref="SignInThrottleOptions.LockAfterFailures"/> wrong passwords have counted within a day, and only the
/// first <see cref="SignInThrottleOptions.FreeFailures"/> from each address count: one address, however long it
/// tries, never locks anyone out. Kept in memory on each app node: a restart forgets the delays and counts, never a lock
/// (Identity's lockout end, in the database).
/// </summary>
public sealed class SignInThrottle(TimeProvider time, IOptions<SignInThrottleOptions> options)
{
    /// <summary>An account's failures are forgotten a day after the last one; an address's count over all accounts, after an hour.</summary>
    public static readonly TimeSpan ForgetAccount = TimeSpan.FromDays(1);
    public static readonly TimeSpan ForgetAddress = TimeSpan.FromHours(1);

    /// <summary>Above this many entries, forgotten ones are pruned (so a flood of made-up emails can't fill memory).</summary>
    private const int PruneAbove = 50_000;

    private readonly ConcurrentDictionary<string, AccountFailures> _accounts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Failures> _addresses = new(StringComparer.Ordinal);

    private SignInThrottleOptions Options => options.Value;

    /// <summary>How long to wait before this account may be tried from this address; null when it may be tried now.</summary>
    public SignInWait? WaitBefore(string account, string client)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var pair = TimeSpan.Zero;
        if (_accounts.TryGetValue(Normalise(account), out var failures))
        {
            lock (failures)
            {
                pair = failures.Clients.TryGetValue(client, out var fromClient)
                    ? Remaining(fromClient, now, Options.FreeFailures, Options.MaxDelay, ForgetAccount)
                    : TimeSpan.Zero;
            }
        }

        var address = _addresses.TryGetValue(client, out var fromAddress)
            ? Remaining(fromAddress, now, Options.FreeFailuresPerAddress, Options.AddressMaxDelay, ForgetAddress)
            : TimeSpan.Zero;
        var wait = pair > address ? pair : address;
        return wait > TimeSpan.Zero ? new SignInWait(wait) : null;
    }

    /// <summary>
    /// Records a wrong password for the account from the address; true when the account should now be locked (and its
    /// count starts again).
    /// </summary>
    public bool Failed(string account, string client)
    {
        var now = time.GetUtcNow().UtcDateTime;
        Prune(now);
        _addresses.AddOrUpdate(client, _ => new Failures(1, now), (_, old) => old.Next(now, ForgetAddress));
        var failures = _accounts.GetOrAdd(Normalise(account), _ => new AccountFailures());
        lock (failures)
        {
            if (now - failures.LastUtc >= ForgetAccount)
            {
                failures.Clients.Clear();
                failures.Counted = 0;
            }

            failures.LastUtc = now;
            var fromClient = failures.Clients.TryGetValue(client, out var old) ? old.Next(now, ForgetAccount) : new Failures(1, now);
            failures.Clients[client] = fromClient;
            if (fromClient.Count > Options.FreeFailures)
            {
                return false;
            }

            failures.Counted++;
            if (failures.Counted < Options.LockAfterFailures)
            {
                return false;
            }

            failures.Counted = 0;
            return true;
        }
    }

    /// <summary>A right password: this address may try this account freely again.</summary>
    public void Succeeded(string account, string client)
    {
        if (_accounts.TryGetValue(Normalise(account), out var failures))
        {
            lock (failures)
            {
                failures.Clients.Remove(client);
            }
        }
    }

    /// <summary>Her password was reset: nothing is held against this account any more, from any address.</summary>
    public void Forget(string account) => _accounts.TryRemove(Normalise(account), out _);

    /// <summary>The wait after <paramref name="count"/> failures: none for the free ones, then 1 s doubling up to the maximum.</summary>
    public static TimeSpan Delay(int count, int free, TimeSpan max)
    {
        if (count <= free)
        {
            return TimeSpan.Zero;
        }

        var delay = TimeSpan.FromSeconds(Math.Pow(2, Math.Min(count - free - 1, 30)));
        return delay < max ? delay : max;
    }

    private static TimeSpan Remaining(Failures failures, DateTime now, int free, TimeSpan max, TimeSpan forget)
    {
        if (now - failures.LastUtc >= forget)
        {
            return TimeSpan.Zero;
        }

        var until = failures.LastUtc + Delay(failures.Count, free, max);
        return until > now ? until - now : TimeSpan.Zero;
    }

    private void Prune(DateTime now)
    {
        if (_accounts.Count > PruneAbove)
        {
            foreach (var (key, failures) in _accounts.Where(e => now - e.Value.LastUtc >= ForgetAccount).ToList())
            {
                _accounts.TryRemove(new KeyValuePair<string, AccountFailures>(key, failures));
            }
        }

        if (_addresses.Count > PruneAbove)
        {
            foreach (var (key, failures) in _addresses.Where(e => now - e.Value.LastUtc >= ForgetAddress).ToList())
            {
                _addresses.TryRemove(new KeyValuePair<string, Failures>(key, failures));
            }
        }
    }

    private static string Normalise(string account) => account.Trim().ToUpperInvariant();

    private sealed record Failures(int Count, DateTime LastUtc)
    {
        /// <summary>One more failure; after a quiet spell longer than <paramref name="forget"/>, counting starts again.</summary>
        public Failures Next(DateTime now, TimeSpan forget) => now - LastUtc >= forget ? new Failures(1, now) : new Failures(Count + 1, now);
    }

    /// <summary>One account's failures by address, and how many have counted towards a lock. Guarded by its own lock.</summary>
    private sealed class AccountFailures
    {
        public Dictionary<string, Failures> Clients { get; } = new(StringComparer.Ordinal);

        public int Counted { get; set; }

        public DateTime LastUtc { get; set; }
    }
}

/// <summary>Registers the throttle and gives Identity's lockout the "SignIn" settings.</summary>
public static class SignInThrottleRegistration
{
    public static IServiceCollection AddSignInThrottle(this IServiceCollection services)
    {
        services.AddOptions<SignInThrottleOptions>()
            .BindConfiguration(SignInThrottleOptions.Section)
            .Validate(o => o.FreeFailures is >= 1 and <= 20, "SignIn:FreeFailures must be from 1 to 20.")
            .Validate(o => o.FreeFailuresPerAddress is >= 5 and <= 1000, "SignIn:FreeFailuresPerAddress must be from 5 to 1000.")
            .Validate(o => o.MaxDelay > TimeSpan.Zero && o.MaxDelay <= TimeSpan.FromDays(1), "SignIn:MaxDelay must be more than 0 and at most 1.00:00:00 (a day).")
            .Validate(o => o.AddressMaxDelay > TimeSpan.Zero && o.AddressMaxDelay <= TimeSpan.FromDays(1), "SignIn:AddressMaxDelay must be more than 0 and at most 1.00:00:00 (a day).")
            .Validate(o => o.LockAfterFailures >= 2 * o.FreeFailures && o.LockAfterFailures <= 1000,
                "SignIn:LockAfterFailures must be at least twice SignIn:FreeFailures (so one address can never lock an account) and at most 1000.")
            .Validate(o => o.LockDuration > TimeSpan.Zero && o.LockDuration <= TimeSpan.FromDays(1), "SignIn:LockDuration must be more than 0 and at most 1.00:00:00 (a day).")
            .ValidateOnStart();
        services.AddOptions<IdentityOptions>().Configure<IOptions<SignInThrottleOptions>>((identity, signIn) =>
        {
            identity.Lockout.MaxFailedAccessAttempts = signIn.Value.LockAfterFailures;
            identity.Lockout.DefaultLockoutTimeSpan = signIn.Value.LockDuration;
        });
        services.AddSingleton<SignInThrottle>();
        return services;
    }
}
