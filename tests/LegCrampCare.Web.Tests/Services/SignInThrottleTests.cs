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
        Assert.Null(_throttle.WaitBefore(Anna, Attacker));

        Fail(Anna, Attacker, 1);
        Assert.Equal(TimeSpan.FromSeconds(1), _throttle.WaitBefore(Anna, Attacker)!.Value.Remaining);

        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Null(_throttle.WaitBefore(Anna, Attacker));
        Fail(Anna, Attacker, 1);
        Assert.Equal(TimeSpan.FromSeconds(2), _throttle.WaitBefore(Anna, Attacker)!.Value.Remaining);
    }

    [Fact]
    public void AttackerWaiting_OwnerAtHerOwnAddress_TriesAtOnce()
    {
        Fail(Anna, Attacker, 12);

        Assert.NotNull(_throttle.WaitBefore(Anna, Attacker));
        Assert.Null(_throttle.WaitBefore(Anna, Home));
    }

    [Fact]
    public void OneAddress_HoweverManyWrongPasswords_NeverLocksTheAccount()
    {
        for (var i = 0; i < 1000; i++)
        {
            Assert.False(_throttle.Failed(Anna, Attacker), $"locked at failure {i + 1}");
            _time.Advance(TimeSpan.FromMinutes(15));
        }
    }

    [Fact]
    public void ThreeWrongPasswordsFromEachOfTenAddresses_LockTheAccount_AndCountingStartsAgain()
    {
        var locks = new List<int>();
        for (var address = 1; address <= 10; address++)
        {
            for (var i = 0; i < 3; i++)
            {
                if (_throttle.Failed(Anna, $"203.0.113.{address}"))
                {
                    locks.Add(address);
                }
            }
        }

        Assert.Equal([10], locks);
        Assert.False(_throttle.Failed(Anna, "203.0.113.11"));
    }

    [Fact]
    public void AccountQuietForADay_ItsCountIsForgotten()
    {
        for (var address = 1; address <= 9; address++)
        {
            Fail(Anna, $"203.0.113.{address}", 3);
        }

        _time.Advance(TimeSpan.FromDays(1));

        Assert.DoesNotContain(true, Enumerable.Range(0, 3).Select(_ => _throttle.Failed(Anna, "203.0.113.10")).ToList());
    }

    [Fact]
    public void RightPassword_ClearsTheWaitForThatAddressOnly()
    {
        Fail(Anna, Attacker, 6);
        Fail(Anna, Home, 6);

        _throttle.Succeeded(Anna, Home);

        Assert.Null(_throttle.WaitBefore(Anna, Home));
        Assert.NotNull(_throttle.WaitBefore(Anna, Attacker));
    }

    [Fact]
    public void PasswordReset_ClearsEveryWaitForTheAccount()
    {
        Fail(Anna, Attacker, 6);

        _throttle.Forget(" ANNA@example.org ");

        Assert.Null(_throttle.WaitBefore(Anna, Attacker));
    }

    [Fact]
    public void OneAddressSprayingManyAccounts_WaitsForAnyAccountAfterTwentyWrongPasswordsInAnHour()
    {
        for (var i = 0; i < 20; i++)
        {
            Fail($"person{i}@example.org", Attacker, 1);
        }

        Assert.Null(_throttle.WaitBefore("new@example.org", Attacker));
        Fail("person20@example.org", Attacker, 1);

        Assert.Equal(TimeSpan.FromSeconds(1), _throttle.WaitBefore("new@example.org", Attacker)!.Value.Remaining);
        Assert.Null(_throttle.WaitBefore("new@example.org", Home));
        _time.Advance(TimeSpan.FromHours(1));
        Assert.Null(_throttle.WaitBefore("new@example.org", Attacker));
    }

    [Fact]
    public void AccountNames_CompareWithoutCaseOrSpaces()
    {
        Fail("Anna@Example.org ", Attacker, 4);

        Assert.NotNull(_throttle.WaitBefore(Anna, Attacker));
    }

    private void Fail(string account, string client, int times)
    {
        for (var i = 0; i < times; i++)
        {
            _throttle.Failed(account, client);
        }
    }
}
