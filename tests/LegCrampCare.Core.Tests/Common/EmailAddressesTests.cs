using LegCrampCare.Core.Common;
using LegCrampCare.Tests.Shared;

namespace LegCrampCare.Core.Tests.Common;

public sealed class EmailAddressesTests
{
    [Theory]
    [InlineData("anna@example.org")]
    [InlineData("Anna.Smith+cramps@nhs.net")]
    [InlineData("o'brien@example.co.uk")]
    [InlineData("a@xn--exmple-cua.org")]
    [InlineData("  anna@example.org  ")]
    public void Problem_OrdinaryAddress_IsFine(string address) => Assert.Null(EmailAddresses.Problem(address));

    [Fact]
    public void Problem_AtTheLimits_IsFine()
    {
        var local = new string('a', 64);
        var domain = string.Join('.', Enumerable.Repeat(new string('b', 63), 2)) + "." + new string('c', 254 - 64 - 1 - 128);
        Assert.Equal(254, (local + "@" + domain).Length);
        Assert.Null(EmailAddresses.Problem(local + "@" + domain));
    }

    [Theory]
    [MemberData(nameof(HostileStrings.EmailLabels), MemberType = typeof(HostileStrings))]
    public void Problem_HostileAddress_IsRefused(string label) =>
        Assert.True(EmailAddresses.Problem(HostileStrings.Value(label)) is { Length: > 0 }, HostileStrings.Describe(HostileStrings.Value(label)));

    [Fact]
    public void Problem_TooLong_NamesTheLimitAndTheLength() =>
        Assert.Equal("at most 254 characters (this has 20,007).", EmailAddresses.Problem(new string('a', 20_000) + "@ex.org"));

    [Fact]
    public void Problem_LongLocalPart_NamesTheLimit() =>
        Assert.Equal("the part before the @ can be at most 64 characters (this has 65).", EmailAddresses.Problem(new string('a', 65) + "@example.org"));

    [Fact]
    public void Problem_Homoglyph_SaysOnlyPlainLetters() =>
        Assert.StartsWith("use only the plain letters a–z", EmailAddresses.Problem("\u0430nna@example.org"), StringComparison.Ordinal);

    [Fact]
    public void Problem_HeaderInjection_IsRefused() =>
        Assert.Equal("an email address has no spaces or hidden characters; enter one like name@example.org.",
            EmailAddresses.Problem("anna@example.org\r\nBcc: all@example.org"));

    [Fact]
    public void Problem_Empty_AsksForOne() => Assert.Equal("enter an email address, like name@example.org.", EmailAddresses.Problem("  "));
}
