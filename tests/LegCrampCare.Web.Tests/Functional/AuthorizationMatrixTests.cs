using System.Net;
using LegCrampCare.Core.Abstractions;
using LegCrampCare.Core.Common;
using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;
using LegCrampCare.Core.Features.Review;
using LegCrampCare.Core.Features.Sharing;
using LegCrampCare.Core.Triage;
using LegCrampCare.Infrastructure.Identity;
using LegCrampCare.Infrastructure.Persistence;
using LegCrampCare.Tests.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LegCrampCare.Web.Tests.Functional;

/// <summary>
/// Who may see a patient's log, through the running app: over HTTP (every page that could show patient data, for every
/// kind of caller: nothing of hers is ever in a response) and through the real services on the real database (only a
/// midwife with an active grant gets anything; each view writes exactly one audit row; every refusal is "not found",
/// changes nothing and is audited as denied). Expiry is covered with a moved clock in ReviewAuthorizationMatrixTests.
/// </summary>
public sealed class AuthorizationMatrixTests(AuthorizationMatrixTests.Fixture fixture) : IClassFixture<AuthorizationMatrixTests.Fixture>
{
    private const string Password = "quiet night leg stretch";

    public static readonly string[] Callers =
        ["patient-a", "patient-b", "midwife-with-grant", "midwife-without-grant", "midwife-after-revocation", "editor", "admin", "anonymous"];

    public sealed class Fixture : TestAppFactory, IAsyncLifetime
    {
        public string Canary { get; } = "Canary" + Guid.NewGuid().ToString("N")[..10];

        public Dictionary<string, (string Id, string Email, string Role)> Users { get; } = [];

        public Guid GrantId { get; private set; }

        public Guid RevokedGrantId { get; private set; }

        public Guid EpisodeId { get; private set; }

        public Guid AssessmentId { get; private set; }

        /// <summary>An EMERGENCY flag, never reviewed, from her previous pregnancy (400 days ago): outside every grant.</summary>
        public (Guid EpisodeId, Guid AssessmentId) EarlierPregnancyFlag { get; private set; }

        public async Task InitializeAsync()
        {
            foreach (var (name, role) in new[]
                     {
                         ("patient-a", Roles.Patient), ("patient-b", Roles.Patient), ("midwife-with-grant", Roles.Midwife), ("midwife-without-grant", Roles.Midwife),
                         ("midwife-after-revocation", Roles.Midwife), ("editor", Roles.Editor), ("admin", Roles.Admin),
                     })
            {
                Users[name] = (await CreateUserAsync(name, role), $"{name}-{Canary}@example.org".ToLowerInvariant(), role);
            }

            await using var scope = Services.CreateAsyncScope();
            var sp = scope.ServiceProvider;
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            var profile = new PregnancyProfile
            {
                UserId = Users["patient-a"].Id, DisplayName = "Anna " + Canary, DateOfBirth = new DateOnly(1990, 1, 1), DueDate = today.AddDays(60),
                TimeZoneId = "Europe/London", CreatedAtUtc = DateTime.UtcNow, UpdatedAtUtc = DateTime.UtcNow,
            };
            await sp.GetRequiredService<IProfileStore>().SaveAsync(profile, CancellationToken.None);
            await sp.GetRequiredService<IProfileStore>().SaveAsync(new PregnancyProfile
            {
                UserId = Users["patient-b"].Id, DisplayName = "Bea", DateOfBirth = new DateOnly(1991, 1, 1), DueDate = today.AddDays(90), TimeZoneId = "Europe/London",
            }, CancellationToken.None);

            var started = DateTime.UtcNow.AddHours(-3);
            var episode = new Episode
            {
                Id = Guid.NewGuid(), PatientId = profile.UserId, StartedAtUtc = started, Night = PregnancyCalendar.NightOf(started, PregnancyCalendar.FindZoneOrUtc("Europe/London")),
                Side = Side.Left, Notes = "Notes " + Canary, CreatedAtUtc = started, UpdatedAtUtc = started,
                Answers = new EpisodeAnswers
                {
                    SuddenBreathlessness = Answer.No, ChestPain = Answer.No, CoughingBlood = Answer.No, Fainted = Answer.No, Swelling = Swelling.OneLeg,
                    RedOrDarkerSkin = Answer.No, Warmth = Answer.No, GradualBreathlessness = Answer.No, EasedByStretching = Answer.No, PainStillThere = Answer.No,
                },
            };
            var assessment = sp.GetRequiredService<EpisodeAssessor>().Assess(episode, profile, [], AssessmentReason.Logged, started);
            await sp.GetRequiredService<IEpisodeStore>().AddIfAbsentAsync(episode, assessment, CancellationToken.None);
            (EpisodeId, AssessmentId) = (episode.Id, assessment.Id);

            var earlierStart = DateTime.UtcNow.AddDays(-400);
            var earlier = new Episode
            {
                Id = Guid.NewGuid(), PatientId = profile.UserId, StartedAtUtc = earlierStart, Night = PregnancyCalendar.NightOf(earlierStart, PregnancyCalendar.FindZoneOrUtc("Europe/London")),
                Side = Side.Right, Notes = "Earlier " + Canary, CreatedAtUtc = earlierStart, UpdatedAtUtc = earlierStart,
            };
            var earlierFlag = new Assessment
            {
                Id = Guid.NewGuid(), EpisodeId = earlier.Id, PatientId = profile.UserId, AssessedAtUtc = earlierStart.AddMinutes(2), Reason = AssessmentReason.Edited,
                RuleSetVersion = "2026.1", Level = TriageLevel.Emergency, FiredRules = "EM-2", InputsJson = "{}",
            };
            await sp.GetRequiredService<IEpisodeStore>().AddIfAbsentAsync(earlier, earlierFlag, CancellationToken.None);
            EarlierPregnancyFlag = (earlier.Id, earlierFlag.Id);

            GrantId = await ShareAsync(sp, "midwife-with-grant");
            RevokedGrantId = await ShareAsync(sp, "midwife-after-revocation");
            Assert.True((await Sharing(sp, "patient-a").RevokeAsync(RevokedGrantId)).IsOk);
        }

        Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;

        public SharingService Sharing(IServiceProvider sp, string caller) =>
            ActivatorUtilities.CreateInstance<SharingService>(sp, (ICurrentUser)new FixedUser(Info(caller)));

        public PatientLogService Logs(IServiceProvider sp, string caller) =>
            ActivatorUtilities.CreateInstance<PatientLogService>(sp, (ISharingService)Sharing(sp, caller));

        public CaseloadService Caseload(IServiceProvider sp, string caller) =>
            ActivatorUtilities.CreateInstance<CaseloadService>(sp, (ICurrentUser)new FixedUser(Info(caller)));

        public CurrentUserInfo Info(string caller) =>
            caller == "anonymous" ? CurrentUserInfo.Anonymous : new CurrentUserInfo(Users[caller].Id, new HashSet<string> { Users[caller].Role });

        private async Task<Guid> ShareAsync(IServiceProvider sp, string midwife)
        {
            var code = (await Sharing(sp, "patient-a").CreateCodeAsync()).Value!.Code;
            var grant = await Sharing(sp, midwife).RedeemAsync(code);
            Assert.True(grant.IsOk);
            return grant.Value!.Id;
        }

        private async Task<string> CreateUserAsync(string name, string role)
        {
            await using var scope = Services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var email = $"{name}-{Canary}@example.org".ToLowerInvariant();
            var user = new ApplicationUser
            {
                UserName = email, Email = email, EmailConfirmed = true, CreatedAtUtc = DateTime.UtcNow,
                HealthDataConsentAtUtc = role == Roles.Patient ? DateTime.UtcNow : null, StaffName = role == Roles.Midwife ? "Midwife " + name : null,
            };
            Assert.True((await users.CreateAsync(user, Password)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
            return user.Id;
        }

        private sealed class FixedUser(CurrentUserInfo user) : ICurrentUser
        {
            public Task<CurrentUserInfo> GetAsync(CancellationToken ct = default) => Task.FromResult(user);
        }
    }

    private string[] PatientUrls =>
    [
        "/caseload", $"/caseload/{fixture.GrantId}", $"/caseload/{fixture.RevokedGrantId}", "/sharing", "/history", $"/episodes/{fixture.EpisodeId}",
        $"/episodes/{fixture.EpisodeId}/questions", "/profile", "/admin/audit", "/admin/users", "/",
    ];

    public static TheoryData<string> EveryCaller() => new(Callers);

    [Theory]
    [MemberData(nameof(EveryCaller))]
    public async Task Http_EveryPageThatCouldShowHerData_NeverCarriesItInTheResponse(string caller)
    {
        var client = fixture.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (caller != "anonymous")
        {
            await HtmlForms.SignInAsync(client, fixture.Users[caller].Email, Password);
        }

        foreach (var url in PatientUrls)
        {
            var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            var body = await response.Content.ReadAsStringAsync();

            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect or HttpStatusCode.NotFound, $"{caller} {url}: {response.StatusCode}");
            Assert.DoesNotContain(fixture.Canary, body, StringComparison.Ordinal);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
            }
        }
    }

    public static TheoryData<string> RefusedCallers() => new(Callers.Where(c => c != "midwife-with-grant"));

    [Theory]
    [MemberData(nameof(RefusedCallers))]
    public async Task Services_CallerWithoutAnActiveGrant_GetsNotFoundChangesNothingAndIsAuditedAsDenied(string caller)
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var before = await CountAsync(sp);

        foreach (var grant in new[] { fixture.GrantId, fixture.RevokedGrantId })
        {
            var logs = fixture.Logs(sp, caller);
            Assert.Equal(ResultStatus.NotFound, (await logs.GetAsync(grant)).Status);
            Assert.False(await logs.StillAllowedAsync(grant));
            Assert.Equal(ResultStatus.NotFound, (await logs.AcknowledgeAsync(grant, fixture.AssessmentId, "note")).Status);
            Assert.Equal(ResultStatus.NotFound, (await logs.RecordCalfDifferenceAsync(grant, fixture.EpisodeId, 3m)).Status);
            Assert.Equal(ResultStatus.NotFound, (await logs.ExportPdfAsync(grant)).Status);
            Assert.Equal(ResultStatus.NotFound, (await logs.ExportCsvAsync(grant)).Status);
        }

        var caseload = await fixture.Caseload(sp, caller).ListAsync();
        Assert.True(caseload.Status == ResultStatus.NotFound || caseload.Value!.All(r => r.GrantId != fixture.GrantId && !r.Name.Contains(fixture.Canary, StringComparison.Ordinal)));

        var after = await CountAsync(sp);
        Assert.Equal(before.Success, after.Success);
        Assert.Equal(before.Reviews, after.Reviews);
        Assert.Equal(before.Assessments, after.Assessments);
        if (caller != "anonymous")
        {
            Assert.True(after.Denied > before.Denied, "a signed-in caller's refusal is audited as denied");
        }
    }

    [Fact]
    public async Task Services_MidwifeWithGrant_SeesTheLog_EachViewAuditedExactlyOnce()
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var before = await CountAsync(sp);

        var log = await fixture.Logs(sp, "midwife-with-grant").GetAsync(fixture.GrantId);
        var allowed = await fixture.Logs(sp, "midwife-with-grant").StillAllowedAsync(fixture.GrantId);

        Assert.Equal("Anna " + fixture.Canary, log.Value!.Name);
        Assert.True(allowed);
        var after = await CountAsync(sp);
        Assert.Equal(before.Success + 1, after.Success);
        await using var db = await sp.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var row = await db.AuditEvents.OrderByDescending(a => a.Id).FirstAsync();
        Assert.Equal((fixture.Users["midwife-with-grant"].Id, Roles.Midwife, "log.viewed", fixture.Users["patient-a"].Id, "success"), (row.ActorId, row.ActorRole, row.Action, row.SubjectUserId, row.Outcome));
        var caseload = (await fixture.Caseload(sp, "midwife-with-grant").ListAsync()).Value!;
        Assert.Equal(TriageLevel.Urgent, Assert.Single(caseload, r => r.GrantId == fixture.GrantId).HighestUnreviewed);
    }

    [Fact]
    public async Task Services_FlagFromAnEarlierPregnancy_IsNeitherShownNorCountedNorAcknowledgeable()
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var logs = fixture.Logs(sp, "midwife-with-grant");
        var before = await CountAsync(sp);

        var log = (await logs.GetAsync(fixture.GrantId)).Value!;
        var acknowledged = await logs.AcknowledgeAsync(fixture.GrantId, fixture.EarlierPregnancyFlag.AssessmentId, "Seen.");
        var measured = await logs.RecordCalfDifferenceAsync(fixture.GrantId, fixture.EarlierPregnancyFlag.EpisodeId, 3m);
        var row = Assert.Single((await fixture.Caseload(sp, "midwife-with-grant").ListAsync()).Value!, r => r.GrantId == fixture.GrantId);
        var emergencies = (await fixture.Caseload(sp, "midwife-with-grant").ListAsync(TriageLevel.Emergency)).Value!;

        Assert.Equal([fixture.EpisodeId], log.Episodes.Select(e => e.Id));
        Assert.Equal((ResultStatus.NotFound, ResultStatus.NotFound), (acknowledged.Status, measured.Status));
        Assert.Equal((TriageLevel.Urgent, 1), (row.HighestUnreviewed, row.UnreviewedCount));
        Assert.DoesNotContain(emergencies, r => r.GrantId == fixture.GrantId);
        var after = await CountAsync(sp);
        Assert.Equal((before.Reviews, before.Assessments), (after.Reviews, after.Assessments));
    }

    private static async Task<(int Success, int Denied, int Reviews, int Assessments)> CountAsync(IServiceProvider sp)
    {
        await using var db = await sp.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return (
            await db.AuditEvents.CountAsync(a => a.Outcome == "success" && a.ActorRole != Roles.Patient),
            await db.AuditEvents.CountAsync(a => a.Outcome == "denied"),
            await db.Set<FlagReview>().CountAsync(),
            await db.Assessments.CountAsync());
    }
}
