using LegCrampCare.Web.Services;

namespace LegCrampCare.Web.Tests.Services;

public sealed class TwoFactorCodeTests
{
    [Fact]
    public void Grouped_KeyInGroupsOfFour() => Assert.Equal("JBSW Y3DP EHPK 3PXP", TwoFactorCode.Grouped("jbswy3dpehpk3pxp"));

    [Fact]
    public void OtpAuthUri_IssuerAndEmailEscaped_SixDigits() =>
        Assert.Equal("otpauth://totp/LegCrampCare:mo%2Bward%40nhs.example?secret=JBSWY3DP&issuer=LegCrampCare&digits=6",
            TwoFactorCode.OtpAuthUri("mo+ward@nhs.example", "JBSWY3DP"));

    [Fact]
    public void QrSvg_IsAnSvgWithoutScript()
    {
        var svg = TwoFactorCode.QrSvg("otpauth://totp/LegCrampCare:a%40b.c?secret=JBSWY3DP&issuer=LegCrampCare&digits=6");

        Assert.Contains("<svg", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", svg, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("123 456", "123456")]
    [InlineData(" 123-456 ", "123456")]
    public void Normalise_SpacesAndHyphensGo(string typed, string expected) => Assert.Equal(expected, TwoFactorCode.Normalise(typed));

    [Theory]
    [InlineData("5k4qv 7fcg9", "5K4QV-7FCG9")]
    [InlineData("5K4QV-7FCG9", "5K4QV-7FCG9")]
    [InlineData("5K4QV7FCG9", "5K4QV-7FCG9")]
    [InlineData("short", "SHORT")]
    public void NormaliseRecoveryCode_AsIdentityStoresIt(string typed, string expected) => Assert.Equal(expected, TwoFactorCode.NormaliseRecoveryCode(typed));
}
