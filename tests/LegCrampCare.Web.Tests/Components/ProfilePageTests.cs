using Bunit;
using LegCrampCare.Web.Components.Pages.Profile;

namespace LegCrampCare.Web.Tests.Components;

/// <summary>The onboarding form (a new profile).</summary>
public sealed class ProfilePageTests : ComponentTestBase
{
    [Fact]
    public void NewProfile_AnswerComingAfterTheFirstRender_StillStartsWithTheBrowsersTimeZone()
    {
        // As on PostgreSQL: the page renders once before the database says she has no profile yet.
        Profiles.Profile = null;
        Profiles.HoldGetMine = new TaskCompletionSource();
        JSInterop.Setup<string>("lcc.browserTimeZone").SetResult("Europe/London");

        var cut = Render<ProfilePage>();
        cut.InvokeAsync(() => Profiles.HoldGetMine.SetResult());

        cut.WaitForAssertion(() => Assert.Equal("Europe/London", cut.Find("#tz").GetAttribute("value")));
    }
}
