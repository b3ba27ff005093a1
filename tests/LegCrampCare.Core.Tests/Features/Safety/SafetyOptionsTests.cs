using LegCrampCare.Core.Features.Safety;

namespace LegCrampCare.Core.Tests.Features.Safety;

/// <summary>The numbers a deployment configures are checked at start, naming the setting, so a typo never reaches a patient.</summary>
public sealed class SafetyOptionsTests
{
    [Fact]
    public void Defaults_AreTheUnitedKingdomsAndUsable()
    {
        var options = new SafetyOptions();

        Assert.Empty(options.Problems());
        var contacts = options.ContactsFor(null);
        Assert.Equal(("999", "999"), (contacts.Emergency.Tel, contacts.Emergency.Display));
        Assert.Null(contacts.MaternityTriage);
        Assert.Equal(("NHS 111", "111"), (contacts.UrgentLineName, contacts.UrgentLine.Tel));
    }

    [Theory]
    [InlineData("EmergencyNumber", "")]
    [InlineData("EmergencyNumber", "nine nine nine")]
    [InlineData("MaternityTriageNumber", "the ward")]
    [InlineData("UrgentAdviceLineName", "")]
    [InlineData("UrgentAdviceLineNumber", "one-one-one")]
    [InlineData("PhoneRegion", "UK")]
    [InlineData("PhoneRegion", "")]
    public void UnusableSetting_IsNamedInTheProblem(string setting, string value)
    {
        var options = new SafetyOptions();
        typeof(SafetyOptions).GetProperty(setting)!.SetValue(options, value);

        var problem = Assert.Single(options.Problems());

        Assert.StartsWith($"Safety:{setting} ", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void OtherCountry_ItsNumbersAndAdviceLineAreUsed()
    {
        var options = new SafetyOptions { EmergencyNumber = "112", UrgentAdviceLineName = "HSE Live", UrgentAdviceLineNumber = "1800 700 700", PhoneRegion = "IE" };

        Assert.Empty(options.Problems());
        var contacts = options.ContactsFor(Phones.ToE164("01 234 5678", "IE"));
        Assert.Equal("+35312345678", contacts.MaternityTriage!.Tel);
        Assert.Equal("(01) 234 5678", contacts.MaternityTriage.Display);
        Assert.Equal(("112", "HSE Live", "1800700700"), (contacts.Words.EmergencyNumber, contacts.Words.UrgentLineName, contacts.UrgentLine.Tel));
    }
}
