using System.Net;
using LegCrampCare.Web.Services;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace LegCrampCare.Web.Tests.Services;

/// <summary>ADR 0018's rules for wrong passwords, with the default "SignIn" settings and a fake clock.</summary>
public sealed class SignInThrottleTests
{
    private const string Anna = "anna@example.org";
    private const string Attacker = "203.0.113.7";
    private const string Home = "198.51.100.20";

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 7, 3, 0, 0, TimeSpan.Zero));
    private readonly SignInThrottle _throttle;

    public SignInThrottleTests() => _throttle = new SignInThrottle(_time, Options.Create(new SignInThrottleOptions()));

    [Theory]
    [InlineData(3, 0)]
    [InlineData(4, 1)]
    [InlineData(5, 2)]
    [InlineData(6, 4)]
    [InlineData(12, 256)]
    [InlineData(14, 900)]
    [InlineData(1000, 900)]
    public void Delay_GrowsFromOneSecondAndStopsAtFifteenMinutes(int failures, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), SignInThrottle.Delay(failures, 3, TimeSpan.FromMinutes(15)));

    [Fact]
    public void ThreeWrongPasswords_AreFree_TheFourthTryWaitsOneSecondAndTheNextTwo()
    {
        Fail(Anna, Attacker, 3);
        Assert.Null(Wait(Anna, Attacker));

        Fail(Anna, Attacker, 1);
        Assert.Equal(TimeSpan.FromSeconds(1), Wait(Anna, Attacker));

        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Null(Wait(Anna, Attacker));
        Fail(Anna, Attacker, 1);
        Assert.Equal(TimeSpan.FromSeconds(2), Wait(Anna, Attacker));
    }

    [Fact]
    public void AttackerWaiting_OwnerAtHerOwnAddress_TriesAtOnce()
    {
        Fail(Anna, Attacker, 12);

        Assert.NotNull(Wait(Anna, Attacker));
        Assert.Null(Wait(Anna, Home));
    }

    [Fact]
    public void WhileATryUnderAWaitIsBeingChecked_ASecondTryFromThereWaits()
    {
        Fail(Anna, Attacker, 4);
        _time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(SignInVerdict.Try, _throttle.Check(Anna, Attacker).Verdict);
        Assert.Equal(SignInVerdict.Wait, _throttle.Check(Anna, Attacker).Verdict);

        _throttle.Failed(Anna, Attacker, Network(Attacker));
        Assert.Equal(TimeSpan.FromSeconds(2), Wait(Anna, Attacker));
    }

    [Fact]
    public void OneAddress_HoweverManyWrongPasswords_NeverLocksTheAccount()
    {
        for (var i = 0; i < 1000; i++)
        {
            Assert.False(_throttle.Failed(Anna, Attacker, Network(Attacker)), $"locked at failure {i + 1}");
            _time.Advance(TimeSpan.FromMinutes(15));
        }
    }

    [Fact]
    public void ManyAddressesOfOneCustomersNetwork_NeverLockTheAccount()
    {
        for (var i = 1; i <= 200; i++)
        {
            var address = IPAddress.Parse($"2001:db8:1:{i:x}::1");
            Assert.False(_throttle.Failed(Anna, AccountRateLimiting.ClientKey(address), AccountRateLimiting.NetworkKey(address)));
        }
    }

    [Fact]
    public void ThreeWrongPasswordsFromEachOfTenNetworks_LockTheName_ForEveryAddress()
    {
        var locks = new List<int>();
        for (var network = 1; network <= 10; network++)
        {
            for (var i = 0; i < 3; i++)
            {
                if (_throttle.Failed(Anna, $"203.0.{network}.7", $"203.0.{network}.0/24"))
                {
                    locks.Add(network);
                }
            }
        }

        Assert.Equal([10], locks);
        Assert.Equal(SignInVerdict.Locked, _throttle.Check(Anna, Home).Verdict);
        _time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(SignInVerdict.Try, _throttle.Check(Anna, Home).Verdict);
    }

    [Fact]
    public void AfterAReset_TheLockEnds_AndTheSameNetworksCantLockItAgain()
    {
        LockFromTenNetworks(Anna);

        _throttle.Forget(Anna);

        Assert.Equal(SignInVerdict.Try, _throttle.Check(Anna, Home).Verdict);
        _throttle.Finish(Anna, Home);
        for (var network = 1; network <= 10; network++)
        {
            for (var i = 0; i < 3; i++)
            {
                Assert.False(_throttle.Failed(Anna, $"203.0.{network}.8", $"203.0.{network}.0/24"));
            }
        }
    }

    [Fact]
    public void AccountQuietForADay_ItsCountIsForgotten()
    {
        for (var network = 1; network <= 9; network++)
        {
            Fail(Anna, $"203.0.{network}.7", 3);
        }

        _time.Advance(TimeSpan.FromDays(1));

        Assert.DoesNotContain(true, Enumerable.Range(0, 3).Select(_ => _throttle.Failed(Anna, "203.0.10.7", "203.0.10.0/24")).ToList());
    }

    [Fact]
    public void SeveralAddressesTogether_GetNoMoreGuessesThanOne_OnceTheAccountHasTenWrongPasswords()
    {
        for (var address = 1; address <= 5; address++)
        {
            Fail(Anna, $"203.0.113.{address}", 2);
        }

        // Ten in all: each address has had two of its three free ones, yet all of them now wait from the last failure.
        Assert.Null(Wait(Anna, "203.0.113.1"));
        Fail(Anna, "203.0.113.1", 1);
        Assert.Equal(TimeSpan.FromSeconds(1), Wait(Anna, "203.0.113.2"));
        Assert.Null(Wait(Anna, Home));
    }

    [Fact]
    public void RightPassword_ClearsTheWaitForThatAddressOnly()
    {
        Fail(Anna, Attacker, 6);
        Fail(Anna, Home, 6);

        _throttle.Succeeded(Anna, Home);

        Assert.Null(Wait(Anna, Home));
        Assert.NotNull(Wait(Anna, Attacker));
    }

    [Fact]
    public void PasswordReset_ClearsEveryWaitForTheAccount()
    {
        Fail(Anna, Attacker, 6);

        _throttle.Forget(" ANNA@example.org ");

        Assert.Null(Wait(Anna, Attacker));
    }

    [Fact]
    public void OneAddressSprayingManyAccounts_WaitsForAnyAccountAfterTwentyWrongPasswordsInAnHour()
    {
        for (var i = 0; i < 20; i++)
        {
            Fail($"person{i}@example.org", Attacker, 1);
        }

        Assert.Null(Wait("new@example.org", Attacker));
        Fail("person20@example.org", Attacker, 1);

        Assert.Equal(TimeSpan.FromSeconds(1), Wait("new@example.org", Attacker));
        Assert.Null(Wait("new@example.org", Home));
        _time.Advance(TimeSpan.FromHours(1));
        Assert.Null(Wait("new@example.org", Attacker));
    }

    [Fact]
    public void SharedAddressWaiting_HerResetLetsHerThroughFromIt()
    {
        for (var i = 0; i < 30; i++)
        {
            Fail($"person{i}@example.org", Attacker, 1);
        }

        Assert.NotNull(Wait(Anna, Attacker));

        _throttle.Forget(Anna);

        Assert.Null(Wait(Anna, Attacker));
        Assert.NotNull(Wait("someone-else@example.org", Attacker));
    }

    [Fact]
    public void AccountNames_CompareAsIdentityDoes()
    {
        Fail("Anna@Example.org ", Attacker, 4);
        Assert.NotNull(Wait(Anna, Attacker));

        // The Kelvin sign is a K in NFC.
        Fail("\u212Aate@example.org", Attacker, 4);
        Assert.NotNull(Wait("kate@example.org", Attacker));
    }

    /// <summary>The wait before a try, or null when it may be tried (the try is then ended at once).</summary>
    private TimeSpan? Wait(string account, string client)
    {
        var check = _throttle.Check(account, client);
        Assert.NotEqual(SignInVerdict.Locked, check.Verdict);
        if (check.Verdict == SignInVerdict.Try)
        {
            _throttle.Finish(account, client);
            return null;
        }

        return check.Wait;
    }

    private void Fail(string account, string client, int times)
    {
        for (var i = 0; i < times; i++)
        {
            _throttle.Failed(account, client, Network(client));
        }
    }

    private void LockFromTenNetworks(string account)
    {
        for (var network = 1; network <= 10; network++)
        {
            Fail(account, $"203.0.{network}.7", 3);
        }

        Assert.Equal(SignInVerdict.Locked, _throttle.Check(account, Home).Verdict);
    }

    private static string Network(string client) => AccountRateLimiting.NetworkKey(IPAddress.Parse(client));
}
