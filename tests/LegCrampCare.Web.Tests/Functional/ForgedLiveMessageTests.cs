using Bunit;
using LegCrampCare.Core.Abstractions;
using LegCrampCare.Core.Common;
using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;
using LegCrampCare.Core.Features.Episodes;
using LegCrampCare.Core.Features.Profile;
using LegCrampCare.Core.Features.Review;
using LegCrampCare.Core.Features.Safety;
using LegCrampCare.Core.Features.Sharing;
using LegCrampCare.Core.Triage;
using LegCrampCare.Infrastructure.Identity;
using LegCrampCare.Infrastructure.Persistence;
using LegCrampCare.Tests.Shared;
using LegCrampCare.Web.Components.Pages.Episodes;
using LegCrampCare.Web.Components.Pages.Midwife;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace LegCrampCare.Web.Tests.Functional;

/// <summary>
/// Issue 12: a modified client sending a live page's handlers someone else's ids. In Blazor Server the ids a handler
/// acts on are held by the server, so what a client controls is the address (the episode in /episodes/{id}, the grant
/// in /caseload/{grant}) and the values it sends; behind every handler is one service call. Each test makes the call a
/// page's handler makes, through the real services on the real database, with another patient's or another grant's ids:
/// quick log, the questions and details, the pain follow-up ("which leg"), the morning review, the cards on her home page
/// (which open the cramp), sharing, the caseload page, acknowledging and measuring. Each answers "not found", changes
/// nothing, and leaves exactly one "denied" audit record naming who tried and what. The pages themselves, opened with
/// a forged address, show "Not found".
/// </summary>
public sealed class ForgedLiveMessageTests(ForgedLiveMessageTests.Fixture fixture) : IClassFixture<ForgedLiveMessageTests.Fixture>
{
    private const string Password = "quiet night leg stretch";

    public sealed class Fixture : TestAppFactory, IAsyncLifetime
    {
        public Dictionary<string, string> Users { get; } = [];

        /// <summary>Anna's flagged cramp from last night, with questions unanswered and the pain still there.</summary>
        public (Guid Episode, Guid Assessment) Anna { get; private set; }

        public (Guid Episode, Guid Assessment) Bea { get; private set; }

        /// <summary>Anna shares with Meg; Bea shares with Nia.</summary>
        public Guid AnnaToMeg { get; private set; }

        public Guid BeaToNia { get; private set; }

        public async Task InitializeAsync()
        {
            foreach (var (name, role) in new[] { ("anna", Roles.Patient), ("bea", Roles.Patient), ("meg", Roles.Midwife), ("nia", Roles.Midwife) })
            {
                Users[name] = await CreateUserAsync(name, role);
            }

            await using var scope = Services.CreateAsyncScope();
            Anna = await FlaggedCrampAsync(scope.ServiceProvider, "anna");
            Bea = await FlaggedCrampAsync(scope.ServiceProvider, "bea");
            AnnaToMeg = await ShareAsync(scope.ServiceProvider, "anna", "meg");
            BeaToNia = await ShareAsync(scope.ServiceProvider, "bea", "nia");
        }

        Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;

        public CurrentUserInfo Info(string name) =>
            new(Users[name], new HashSet<string> { name is "anna" or "bea" ? Roles.Patient : Roles.Midwife });

        public T Service<T>(IServiceProvider sp, string caller)
            where T : class
        {
            var user = (ICurrentUser)new FixedUser(Info(caller));
            return typeof(T) == typeof(PatientLogService)
                ? (T)(object)ActivatorUtilities.CreateInstance<PatientLogService>(sp, (ISharingService)ActivatorUtilities.CreateInstance<SharingService>(sp, user))
                : ActivatorUtilities.CreateInstance<T>(sp, user);
        }

        private async Task<(Guid, Guid)> FlaggedCrampAsync(IServiceProvider sp, string name)
        {
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            var saved = await Service<ProfileService>(sp, name).SaveAsync(new SaveProfileRequest
            {
                DisplayName = name, DateOfBirth = new DateOnly(1992, 3, 4), DueDate = today.AddDays(60), TimeZoneId = "Europe/London",
            });
            Assert.True(saved.IsOk, string.Join(" ", saved.Errors.Select(e => e.Message)));
            var episodes = Service<EpisodeService>(sp, name);
            var logged = await episodes.QuickLogAsync(new QuickLogRequest { EpisodeId = Guid.NewGuid(), Side = Side.Left, When = QuickLogTime.FewMinutesAgo });
            var details = logged.Value!.Details with { Answers = new EpisodeAnswers { Swelling = Swelling.OneLeg, PainStillThere = Answer.Yes } };
            var flagged = await episodes.UpdateAsync(new UpdateEpisodeRequest(logged.Value.Id, details));
            Assert.True(flagged.IsOk, string.Join(" ", flagged.Errors.Select(e => e.Message)));
            Assert.NotEqual(TriageLevel.None, flagged.Value!.Assessment!.Level);
            return (flagged.Value.Id, flagged.Value.Assessment.Id);
        }

        private async Task<Guid> ShareAsync(IServiceProvider sp, string patient, string midwife)
        {
            var code = (await Service<SharingService>(sp, patient).CreateCodeAsync()).Value!.Code;
            return (await Service<SharingService>(sp, midwife).RedeemAsync(code)).Value!.Id;
        }

        private async Task<string> CreateUserAsync(string name, string role)
        {
            await using var scope = Services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var email = $"{name}-{Guid.NewGuid():N}@example.org";
            var user = new ApplicationUser
            {
                UserName = email, Email = email, EmailConfirmed = true, CreatedAtUtc = DateTime.UtcNow,
                HealthDataConsentAtUtc = role == Roles.Patient ? DateTime.UtcNow : null, StaffName = role == Roles.Midwife ? "Midwife " + name : null,
            };
            Assert.True((await users.CreateAsync(user, Password)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
            return user.Id;
        }
    }

    private sealed class FixedUser(CurrentUserInfo user) : ICurrentUser
    {
        public Task<CurrentUserInfo> GetAsync(CancellationToken ct = default) => Task.FromResult(user);
    }

    /// <summary>
    /// Runs one forged call and checks what a user and an auditor can see: "not found", no stored data changed, and one
    /// new "denied" record by <paramref name="actor"/> for <paramref name="action"/> on <paramref name="resource"/>.
    /// </summary>
    private async Task AssertRefusedAsync<T>(string actor, string action, string resource, Func<IServiceProvider, Task<ServiceResult<T>>> forged)
    {
        var before = await StoredDataAsync();
        var auditsBefore = await DeniedAsync(actor, action, resource);
        await using var scope = fixture.Services.CreateAsyncScope();

        var result = await forged(scope.ServiceProvider);

        Assert.Equal(ResultStatus.NotFound, result.Status);
        Assert.Equal(default, result.Value);
        Assert.Empty(result.Errors);
        Assert.Equal(before, await StoredDataAsync());
        Assert.Equal(auditsBefore + 1, await DeniedAsync(actor, action, resource));
    }

    private async Task<string> StoredDataAsync()
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return System.Text.Json.JsonSerializer.Serialize(new
        {
            Episodes = await db.Episodes.AsNoTracking().OrderBy(e => e.Id).ToListAsync(),
            Assessments = await db.Assessments.AsNoTracking().OrderBy(a => a.Id).ToListAsync(),
            Reviews = await db.FlagReviews.AsNoTracking().OrderBy(r => r.Id).ToListAsync(),
            Grants = await db.CareGrants.AsNoTracking().OrderBy(g => g.Id).ToListAsync(),
        });
    }

    private async Task<int> DeniedAsync(string actor, string action, string resource)
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var actorId = fixture.Users[actor];
        return await db.AuditEvents.CountAsync(a => a.ActorId == actorId && a.Action == action && a.Resource == resource && a.Outcome == "denied");
    }

    private EpisodeService Bea(IServiceProvider sp) => fixture.Service<EpisodeService>(sp, "bea");

    private string AnnasEpisode => $"episode:{fixture.Anna.Episode}";

    [Fact]
    public Task QuickLog_WithAnotherPatientsEpisodeId_NotFoundAndAudited() =>
        AssertRefusedAsync("bea", EpisodeService.QuickLogAction, AnnasEpisode, sp =>
            Bea(sp).QuickLogAsync(new QuickLogRequest { EpisodeId = fixture.Anna.Episode, Side = Side.Right, When = QuickLogTime.Now }));

    [Fact]
    public Task Questions_AnsweredForAnotherPatientsCramp_NotFoundAndAudited() =>
        AssertRefusedAsync("bea", EpisodeService.UpdateAction, AnnasEpisode, sp => Bea(sp).UpdateAsync(new UpdateEpisodeRequest(
            fixture.Anna.Episode,
            new EpisodeDetails { StartedAtLocal = DateTime.UtcNow.AddHours(-1), Side = Side.Left, Answers = new EpisodeAnswers { ChestPain = Answer.No } })));

    [Fact]
    public Task Details_DeletingAnotherPatientsCramp_NotFoundAndAudited() =>
        AssertRefusedAsync("bea", EpisodeService.DeleteAction, AnnasEpisode, sp => Bea(sp).DeleteAsync(fixture.Anna.Episode));

    [Fact]
    public Task PainFollowUp_WhichLegForAnotherPatientsCramp_NotFoundAndAudited() =>
        AssertRefusedAsync("bea", EpisodeService.PainFollowUpAction, AnnasEpisode, sp =>
            Bea(sp).AnswerPainFollowUpAsync(new PainFollowUpRequest(fixture.Anna.Episode, PainNow.NotBetter, Side.Right)));

    [Fact]
    public Task MorningReview_ConfirmingAnotherPatientsCramp_NotFoundAndAudited() =>
        AssertRefusedAsync("bea", EpisodeService.ConfirmAction, AnnasEpisode, sp => Bea(sp).ConfirmAsync(fixture.Anna.Episode));

    [Fact]
    public Task HomeCards_OpeningAnotherPatientsCramp_NotFoundAndAudited() =>
        AssertRefusedAsync("bea", EpisodeService.ReadAction, AnnasEpisode, sp => Bea(sp).GetAsync(fixture.Anna.Episode));

    [Fact]
    public Task HomeCards_AnotherPatientsEarlierResults_NotFoundAndAudited() =>
        AssertRefusedAsync("bea", EpisodeService.AssessmentsAction, AnnasEpisode, sp => Bea(sp).GetAssessmentsAsync(fixture.Anna.Episode));

    [Fact]
    public Task Sharing_StoppingAnotherPatientsGrant_NotFoundAndAudited() =>
        AssertRefusedAsync("bea", "grant.revoked", $"grant:{fixture.AnnaToMeg}", sp => fixture.Service<SharingService>(sp, "bea").RevokeAsync(fixture.AnnaToMeg));

    [Fact]
    public Task Caseload_OpeningAnotherMidwifesGrant_NotFoundAndAudited() =>
        AssertRefusedAsync("nia", "patient.access", $"grant:{fixture.AnnaToMeg}", sp => fixture.Service<PatientLogService>(sp, "nia").GetAsync(fixture.AnnaToMeg));

    [Fact]
    public Task Acknowledge_UnderAnotherMidwifesGrant_NotFoundAndAudited() =>
        AssertRefusedAsync("nia", "patient.access", $"grant:{fixture.AnnaToMeg}", sp =>
            fixture.Service<PatientLogService>(sp, "nia").AcknowledgeAsync(fixture.AnnaToMeg, fixture.Anna.Assessment, "Seen."));

    [Fact]
    public Task Acknowledge_AnotherPatientsFlagUnderHerOwnGrant_NotFoundAndAudited() =>
        AssertRefusedAsync("meg", PatientLogService.AcknowledgedAction, $"assessment:{fixture.Bea.Assessment}", sp =>
            fixture.Service<PatientLogService>(sp, "meg").AcknowledgeAsync(fixture.AnnaToMeg, fixture.Bea.Assessment, "Seen."));

    [Fact]
    public Task Measurement_UnderAnotherMidwifesGrant_NotFoundAndAudited() =>
        AssertRefusedAsync("nia", "patient.access", $"grant:{fixture.AnnaToMeg}", sp =>
            fixture.Service<PatientLogService>(sp, "nia").RecordCalfDifferenceAsync(fixture.AnnaToMeg, fixture.Anna.Episode, 3m));

    [Fact]
    public Task Measurement_AnotherPatientsCrampUnderHerOwnGrant_NotFoundAndAudited() =>
        AssertRefusedAsync("meg", PatientLogService.MeasurementAction, $"episode:{fixture.Bea.Episode}", sp =>
            fixture.Service<PatientLogService>(sp, "meg").RecordCalfDifferenceAsync(fixture.AnnaToMeg, fixture.Bea.Episode, 3m));

    [Fact]
    public async Task HerOwnCrampDeletedInAnotherTab_IsJustNotFound_NoSecurityEvent()
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        var bea = Bea(scope.ServiceProvider);
        var logged = await bea.QuickLogAsync(new QuickLogRequest { EpisodeId = Guid.NewGuid(), Side = Side.Left, When = QuickLogTime.Now });
        Assert.True((await bea.DeleteAsync(logged.Value!.Id)).IsOk);

        Assert.Equal(ResultStatus.NotFound, (await bea.GetAsync(logged.Value.Id)).Status);
        Assert.Equal(ResultStatus.NotFound, (await bea.DeleteAsync(logged.Value.Id)).Status);

        Assert.Equal(0, await DeniedAsync("bea", EpisodeService.ReadAction, $"episode:{logged.Value.Id}"));
        Assert.Equal(0, await DeniedAsync("bea", EpisodeService.DeleteAction, $"episode:{logged.Value.Id}"));
    }

    [Fact]
    public async Task EpisodePage_OpenedWithAnotherPatientsId_ShowsNotFoundAndAuditsOnce()
    {
        var before = await DeniedAsync("bea", EpisodeService.ReadAction, AnnasEpisode);
        var assessmentsBefore = await DeniedAsync("bea", EpisodeService.AssessmentsAction, AnnasEpisode);
        await using var scope = fixture.Services.CreateAsyncScope();
        await using var page = PageContext(ctx =>
        {
            ctx.Services.AddSingleton<IEpisodeService>(Bea(scope.ServiceProvider));
            ctx.Services.AddSingleton<ICurrentUser>(new FixedUser(fixture.Info("bea")));
        });

        var cut = page.Render<EpisodePage>(p => p.Add(x => x.Id, fixture.Anna.Episode));

        cut.WaitForAssertion(() => Assert.Equal("Not found", cut.Find("h1").TextContent));
        Assert.DoesNotContain("anna", cut.Markup, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(before + 1, await DeniedAsync("bea", EpisodeService.ReadAction, AnnasEpisode));
        Assert.Equal(assessmentsBefore, await DeniedAsync("bea", EpisodeService.AssessmentsAction, AnnasEpisode));
    }

    [Fact]
    public async Task QuestionsPage_OpenedWithAnotherPatientsId_ShowsNotFound()
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        await using var page = PageContext(ctx =>
        {
            ctx.Services.AddSingleton<IEpisodeService>(Bea(scope.ServiceProvider));
            ctx.Services.AddSingleton<ICurrentUser>(new FixedUser(fixture.Info("bea")));
        });

        var cut = page.Render<EpisodeQuestionsPage>(p => p.Add(x => x.Id, fixture.Anna.Episode));

        cut.WaitForAssertion(() => Assert.Equal("Not found", cut.Find("h1").TextContent));
        Assert.Empty(cut.FindAll("button"));
    }

    [Fact]
    public async Task PatientLogPage_OpenedWithAnotherMidwifesGrant_ShowsNotFound()
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        await using var page = PageContext(ctx =>
        {
            ctx.Services.AddSingleton<IPatientLogService>(fixture.Service<PatientLogService>(scope.ServiceProvider, "nia"));
            ctx.Services.AddSingleton(new SharingOptions());
        });

        var cut = page.Render<PatientLogPage>(p => p.Add(x => x.GrantId, fixture.AnnaToMeg));

        cut.WaitForAssertion(() => Assert.Equal("Not found", cut.Find("h1").TextContent));
        Assert.DoesNotContain("anna", cut.Markup, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>A bUnit context for rendering one of the app's pages over the real services given.</summary>
    private static BunitContext PageContext(Action<BunitContext> services)
    {
        var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices(o => o.PopoverOptions.CheckForPopoverProvider = false);
        ctx.Services.AddSingleton(TimeProvider.System);
        ctx.Services.AddSingleton(TriageEngine.Default);
        ctx.Services.AddSingleton(new SafetyOptions());
        ctx.Services.AddScoped<LegCrampCare.Web.Offline.DeviceDrafts>();
        services(ctx);
        return ctx;
    }
}
