using Bunit;
using Bunit.TestDoubles;
using LegCrampCare.Core.Abstractions;
using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;
using LegCrampCare.Core.Features.Episodes;
using LegCrampCare.Core.Features.Profile;
using LegCrampCare.Core.Features.Safety;
using LegCrampCare.Web.Services;
using LegCrampCare.Web.Tests.Components.Fakes;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MudBlazor.Services;

namespace LegCrampCare.Web.Tests.Components;

/// <summary>
/// The bUnit context every component test uses: MudBlazor without transitions, a fake clock, a signed-in patient and
/// hand-written service fakes (never a database). Change the fakes and <see cref="Safety"/> before the first render.
/// </summary>
public abstract class ComponentTestBase : BunitContext, IAsyncLifetime
{
    protected ComponentTestBase()
    {
        // The whole suite runs its projects in parallel on 2 cores (browser tests included): give waits room.
        DefaultWaitTimeout = TimeSpan.FromSeconds(10);
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices(options =>
        {
            options.SnackbarConfiguration.ShowTransitionDuration = 0;
            options.SnackbarConfiguration.HideTransitionDuration = 0;
            options.PopoverOptions.Duration = TimeSpan.Zero;
            options.PopoverOptions.CheckForPopoverProvider = false;
        });

        Services.AddSingleton<TimeProvider>(Time);
        Services.AddSingleton(Rules.TriageEngine.Default);
        Services.AddSingleton<IEpisodeService>(Episodes);
        Services.AddSingleton<IProfileService>(Profiles);
        Services.AddSingleton<ICurrentUser>(CurrentUser);
        Services.AddScoped<LegCrampCare.Web.Offline.DeviceDrafts>();
        // Read when a component first asks, so a test can change the numbers before it renders; the cards the fake
        // service hands out are built with the same numbers.
        Services.AddSingleton(_ => Options.Create(Safety));
        Services.AddSingleton(_ => Safety);
        Episodes.Safety = Safety;

        Auth = AddAuthorization();
        Auth.SetAuthorized("patient@example.org");
        Auth.SetRoles(Roles.Patient);

        AddServices(Services);

        // Last: the renderer is created here, after every service registration.
        SetRendererInfo(new RendererInfo("Server", true));
    }

    /// <summary>
    /// More services for a family of tests. Runs inside this constructor, before anything is resolved; a derived
    /// class's field and property initializers have run by then, its constructor body has not.
    /// </summary>
    protected virtual void AddServices(IServiceCollection services)
    {
    }

    /// <summary>The clock: 20 November 2026, 02:30 UTC. <c>Time.Advance</c> fires the components' timers.</summary>
    protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 20, 2, 30, 0, TimeSpan.Zero));

    protected FakeEpisodeService Episodes { get; } = new();

    protected FakeProfileService Profiles { get; } = new();

    protected FakeCurrentUser CurrentUser { get; } = new();

    protected SafetyOptions Safety { get; } = new();

    protected BunitAuthorizationContext Auth { get; }

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    // MudBlazor's services only dispose asynchronously.
    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();
}
