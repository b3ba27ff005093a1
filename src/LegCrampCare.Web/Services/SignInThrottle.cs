using System.Collections.Concurrent;
using LegCrampCare.Core.Common;
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

    /// <summary>
    /// Wrong passwords for one account, from all the addresses that have failed on it, in a day before those addresses
    /// wait from the account's last failure (so that several addresses together get no more guesses than one).
    /// </summary>
    public int AccountFreeFailures { get; set; } = 10;

    /// <summary>Wrong passwords from one address, for any accounts, in an hour before its tries must wait (password spraying).</summary>
    public int FreeFailuresPerAddress { get; set; } = 20;

    /// <summary>The longest wait for an address that keeps failing on many accounts.</summary>
    public TimeSpan AddressMaxDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// Wrong passwords within a day that lock the account. Only the first <see cref="FreeFailures"/> from each network
    /// (an IPv4 /24, an IPv6 /48) count, so a lock needs failures from at least LockAfterFailures / FreeFailures networks
    /// (10 by default): one person's addresses can't lock anyone out.
    /// </summary>
    public int LockAfterFailures { get; set; } = 30;

    /// <summary>How long a locked account stays locked, unless its owner resets her password first (which unlocks it).</summary>
    public TimeSpan LockDuration { get; set; } = TimeSpan.FromHours(1);
}

/// <summary>What the throttle says before a sign-in is tried.</summary>
public enum SignInVerdict
{
    /// <summary>Try the password (and then call Failed, Succeeded or Finish).</summary>
    Try,

    /// <summary>Not now: wait <see cref="SignInCheck.Wait"/>. The password is not checked.</summary>
    Wait,

    /// <summary>The account name is locked, whether or not an account has it.</summary>
    Locked,
}

public readonly record struct SignInCheck(SignInVerdict Verdict, TimeSpan Wait = default);

/// <summary>
/// Growing delays for wrong passwords, and when to lock (ADR 0018). All of it is keyed by the account name as typed
/// (normalised as Identity does), whether or not an account has it, so the answers never say which accounts exist.
/// <list type="bullet">
/// <item>Per account and client address (an IPv6 /64, as the rate limits count): three free wrong passwords, then each
/// try waits 1 s, 2 s, 4 s… up to <see cref="SignInThrottleOptions.MaxDelay"/>. A right password clears it.</item>
/// <item>Per account, over all addresses that have failed on it: after <see cref="SignInThrottleOptions.AccountFreeFailures"/>
/// wrong passwords in a day, those addresses wait from the account's last failure, so several addresses together get no
/// more guesses than one. An address that has never failed on the account (its owner's) is not slowed.</item>
/// <item>Per address over all accounts (password spraying): after <see cref="SignInThrottleOptions.FreeFailuresPerAddress"/>
/// wrong passwords in an hour. A reset of the account's password lets her through this one for an hour.</item>
/// <item>The lock: <see cref="SignInThrottleOptions.LockAfterFailures"/> counted wrong passwords in a day, counting at
/// most <see cref="SignInThrottleOptions.FreeFailures"/> from each network (an IPv4 /24, an IPv6 /48), so one person's
/// addresses can't lock anyone out. A network that has counted can't count again until the account has been quiet for a
/// day, not even after a reset.</item>
/// </list>
/// A try inside a wait is refused before the password is checked, and while a try of an account from an address is being
/// checked under a wait, a second one from there waits too, so parallel posts gain nothing. Kept in memory on each app
/// node: a restart forgets the waits, counts and this lock (Identity's lockout end, in the database, stays).
/// </summary>
public sealed class SignInThrottle(TimeProvider time, IOptions<SignInThrottleOptions> options)
{
    /// <summary>An account's failures are forgotten a day after the last one; an address's count over all accounts, after an hour.</summary>
    public static readonly TimeSpan ForgetAccount = TimeSpan.FromDays(1);
    public static readonly TimeSpan ForgetAddress = TimeSpan.FromHours(1);

    /// <summary>How long after a reset of her password the per-address wait doesn't apply to her account.</summary>
    public static readonly TimeSpan AfterReset = TimeSpan.FromHours(1);

    /// <summary>Above this many entries, forgotten ones are pruned, at most once a minute; far above it, the oldest go.</summary>
    private const int PruneAbove = 50_000;

    private readonly ConcurrentDictionary<string, AccountFailures> _accounts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Failures> _addresses = new(StringComparer.Ordinal);
    private long _lastPruneTicks;

    private SignInThrottleOptions Options => options.Value;

    /// <summary>
    /// Whether this account may be tried from this address now. On <see cref="SignInVerdict.Try"/> the caller must end the
    /// try with <see cref="Failed"/>, <see cref="Succeeded"/> or <see cref="Finish"/>.
    /// </summary>
    public SignInCheck Check(string account, string client)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var failures = _accounts.GetOrAdd(Normalise(account), _ => new AccountFailures());
        TimeSpan wait;
        lock (failures)
        {
            if (failures.LockedUntilUtc > now)
            {
                return new SignInCheck(SignInVerdict.Locked);
            }

            failures.ForgetIfQuiet(now);
            failures.Clients.TryGetValue(client, out var fromClient);
            wait = fromClient is null ? TimeSpan.Zero : Remaining(fromClient.Count, fromClient.LastUtc, now, Options.FreeFailures, Options.MaxDelay);
            if (fromClient is not null)
            {
                wait = Longer(wait, Remaining(failures.Total, failures.LastUtc, now, Options.AccountFreeFailures, Options.MaxDelay));
            }

            if (!(now - failures.ResetAtUtc < AfterReset) && _addresses.TryGetValue(client, out var fromAddress) && now - fromAddress.LastUtc < ForgetAddress)
            {
                wait = Longer(wait, Remaining(fromAddress.Count, fromAddress.LastUtc, now, Options.FreeFailuresPerAddress, Options.AddressMaxDelay));
            }

            var underWait = fromClient is not null && (fromClient.Count >= Options.FreeFailures || failures.Total >= Options.AccountFreeFailures);
            if (wait == TimeSpan.Zero && underWait && failures.InFlight.Contains(client))
            {
                wait = TimeSpan.FromSeconds(1);
            }

            if (wait == TimeSpan.Zero && underWait)
            {
                failures.InFlight.Add(client);
            }
        }

        return wait > TimeSpan.Zero ? new SignInCheck(SignInVerdict.Wait, wait) : new SignInCheck(SignInVerdict.Try);
    }

    /// <summary>
    /// Records a wrong password for the account from the address (in <paramref name="network"/>); true when the account
    /// name is now locked, for <see cref="SignInThrottleOptions.LockDuration"/>.
    /// </summary>
    public bool Failed(string account, string client, string network)
    {
        var now = time.GetUtcNow().UtcDateTime;
        Prune(now);
        _addresses.AddOrUpdate(client, _ => new Failures(1, now), (_, old) => old.Next(now, ForgetAddress));
        var failures = _accounts.GetOrAdd(Normalise(account), _ => new AccountFailures());
        lock (failures)
        {
            failures.ForgetIfQuiet(now);
            failures.InFlight.Remove(client);
            failures.LastUtc = now;
            failures.Total++;
            failures.Clients[client] = failures.Clients.TryGetValue(client, out var old) ? old.Next(now, ForgetAccount) : new Failures(1, now);
            var fromNetwork = failures.Networks.GetValueOrDefault(network);
            if (fromNetwork >= Options.FreeFailures)
            {
                return false;
            }

            failures.Networks[network] = fromNetwork + 1;
            failures.Counted++;
            if (failures.Counted < Options.LockAfterFailures)
            {
                return false;
            }

            failures.Counted = 0;
            failures.LockedUntilUtc = now + Options.LockDuration;
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
                failures.InFlight.Remove(client);
            }
        }
    }

    /// <summary>Ends a try that was neither a wrong nor a right password (an error, a lock found on the account).</summary>
    public void Finish(string account, string client)
    {
        if (_accounts.TryGetValue(Normalise(account), out var failures))
        {
            lock (failures)
            {
                failures.InFlight.Remove(client);
            }
        }
    }

    /// <summary>
    /// Her password was reset: the lock and every wait for her account end, and for an hour the per-address wait doesn't
    /// apply to it. The networks that already counted towards a lock still can't count again.
    /// </summary>
    public void Forget(string account)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var failures = _accounts.GetOrAdd(Normalise(account), _ => new AccountFailures());
        lock (failures)
        {
            failures.Clients.Clear();
            failures.InFlight.Clear();
            failures.Total = 0;
            failures.LockedUntilUtc = DateTime.MinValue;
            failures.ResetAtUtc = now;
        }
    }

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

    /// <summary>The account name as Identity looks it up: trimmed, NFC, upper case.</summary>
    public static string Normalise(string account) => TextInput.Clean(account).ToUpperInvariant();

    private static TimeSpan Remaining(int count, DateTime lastUtc, DateTime now, int free, TimeSpan max)
    {
        var until = lastUtc + Delay(count, free, max);
        return until > now ? until - now : TimeSpan.Zero;
    }

    private static TimeSpan Longer(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private void Prune(DateTime now)
    {
        var last = Interlocked.Read(ref _lastPruneTicks);
        if ((_accounts.Count <= PruneAbove && _addresses.Count <= PruneAbove) || now.Ticks - last < TimeSpan.TicksPerMinute ||
            Interlocked.CompareExchange(ref _lastPruneTicks, now.Ticks, last) != last)
        {
            return;
        }

        Evict(_accounts, e => e.LastUtc > e.LockedUntilUtc ? e.LastUtc : e.LockedUntilUtc, now, ForgetAccount);
        Evict(_addresses, e => e.LastUtc, now, ForgetAddress);
    }

    /// <summary>Drops forgotten entries; if there are still far too many (a flood of made-up names), the oldest half.</summary>
    private static void Evict<T>(ConcurrentDictionary<string, T> entries, Func<T, DateTime> lastUtc, DateTime now, TimeSpan forget)
    {
        foreach (var entry in entries.Where(e => now - lastUtc(e.Value) >= forget).ToList())
        {
            entries.TryRemove(entry);
        }

        if (entries.Count > 4 * PruneAbove)
        {
            foreach (var entry in entries.OrderBy(e => lastUtc(e.Value)).Take(entries.Count / 2).ToList())
            {
                entries.TryRemove(entry);
            }
        }
    }

    private sealed record Failures(int Count, DateTime LastUtc)
    {
        /// <summary>One more failure; after a quiet spell longer than <paramref name="forget"/>, counting starts again.</summary>
        public Failures Next(DateTime now, TimeSpan forget) => now - LastUtc >= forget ? new Failures(1, now) : new Failures(Count + 1, now);
    }

    /// <summary>One account name's failures. Guarded by a lock on itself.</summary>
    private sealed class AccountFailures
    {
        public Dictionary<string, Failures> Clients { get; } = new(StringComparer.Ordinal);

        /// <summary>Counted failures per network (at most FreeFailures each).</summary>
        public Dictionary<string, int> Networks { get; } = new(StringComparer.Ordinal);

        /// <summary>Clients with a try being checked while under a wait.</summary>
        public HashSet<string> InFlight { get; } = new(StringComparer.Ordinal);

        public int Total { get; set; }

        public int Counted { get; set; }

        public DateTime LastUtc { get; set; }

        public DateTime LockedUntilUtc { get; set; }

        public DateTime ResetAtUtc { get; set; } = DateTime.MinValue;

        /// <summary>A day without a wrong password: everything but a lock and a reset is forgotten.</summary>
        public void ForgetIfQuiet(DateTime now)
        {
            if (LastUtc != default && now - LastUtc >= ForgetAccount)
            {
                Clients.Clear();
                Networks.Clear();
                Total = 0;
                Counted = 0;
                LastUtc = default;
            }
        }
    }
}

/// <summary>Registers the throttle with its "SignIn" settings, checked at start.</summary>
public static class SignInThrottleRegistration
{
    public static IServiceCollection AddSignInThrottle(this IServiceCollection services)
    {
        services.AddOptions<SignInThrottleOptions>()
            .BindConfiguration(SignInThrottleOptions.Section)
            .Validate(o => o.FreeFailures is >= 1 and <= 20, "SignIn:FreeFailures must be from 1 to 20.")
            .Validate(o => o.FreeFailuresPerAddress is >= 5 and <= 1000, "SignIn:FreeFailuresPerAddress must be from 5 to 1000.")
            .Validate(o => o.AccountFreeFailures >= o.FreeFailures && o.AccountFreeFailures <= 1000, "SignIn:AccountFreeFailures must be from SignIn:FreeFailures to 1000.")
            .Validate(o => o.MaxDelay > TimeSpan.Zero && o.MaxDelay <= TimeSpan.FromDays(1), "SignIn:MaxDelay must be more than 0 and at most 1.00:00:00 (a day).")
            .Validate(o => o.AddressMaxDelay > TimeSpan.Zero && o.AddressMaxDelay <= TimeSpan.FromDays(1), "SignIn:AddressMaxDelay must be more than 0 and at most 1.00:00:00 (a day).")
            .Validate(o => o.LockAfterFailures >= 2 * o.FreeFailures && o.LockAfterFailures <= 1000,
                "SignIn:LockAfterFailures must be at least twice SignIn:FreeFailures (so one address can never lock an account) and at most 1000.")
            .Validate(o => o.LockDuration > TimeSpan.Zero && o.LockDuration <= TimeSpan.FromDays(1), "SignIn:LockDuration must be more than 0 and at most 1.00:00:00 (a day).")
            .ValidateOnStart();
        services.AddSingleton<SignInThrottle>();
        return services;
    }
}
