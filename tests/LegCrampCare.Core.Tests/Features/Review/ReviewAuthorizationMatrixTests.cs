using LegCrampCare.Core.Abstractions;
using LegCrampCare.Core.Common;
using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;
using LegCrampCare.Core.Features.Review;
using LegCrampCare.Core.Triage;
using static LegCrampCare.Core.Tests.Features.Review.ReviewHarness;

namespace LegCrampCare.Core.Tests.Features.Review;

/// <summary>
/// Every method of <see cref="IPatientLogService"/> and <see cref="ICaseloadService"/> for every kind of caller: only a
/// midwife with an active grant gets anything, and each of her views, exports, acknowledgements and measurements writes
/// exactly one audit row. Everyone else gets "not found", no data, no change and no "success" audit row; a signed-in
/// caller's refusal is recorded as a security event.
/// </summary>
public sealed class ReviewAuthorizationMatrixTests
{
    public static readonly string[] Refused =
    [
        "patient-herself", "another-patient", "midwife-without-grant", "midwife-after-revocation", "midwife-after-expiry",
        "midwife-from-an-earlier-pregnancy", "editor", "admin", "anonymous",
    ];

    public static readonly string[] Actions = ["get", "still-allowed", "acknowledge", "measure", "export-pdf", "export-csv", "caseload"];

    public static TheoryData<string, string> RefusedCallerAndAction()
    {
        var data = new TheoryData<string, string>();
        foreach (var caller in Refused)
        {
            foreach (var action in Actions)
            {
                data.Add(caller, action);
            }
        }

        return data;
    }

    public static TheoryData<string> EveryAction() => new(Actions);

    private readonly ReviewHarness _h = new();

    /// <summary>Patient A has an URGENT flag on one episode and shares her log with midwife M.</summary>
    private async Task<(Guid Grant, Guid EpisodeId, Guid AssessmentId)> ArrangeAsync()
    {
        var episode = await _h.LogAsync(new DateTime(2026, 6, 9, 23, 0, 0), OneLegSwollen());
        var grant = await _h.ShareAsync();
        return (grant, episode.Id, episode.Assessment!.Id);
    }

    private async Task SignInAsAsync(string caller, Guid grant)
    {
        switch (caller)
        {
            case "patient-herself":
                _h.SignIn(PatientA, Roles.Patient);
                break;
            case "another-patient":
                _h.SignIn(PatientB, Roles.Patient);
                break;
            case "midwife-without-grant":
                _h.SignIn(MidwifeOther, Roles.Midwife);
                break;
            case "midwife-after-revocation":
                _h.SignIn(PatientA, Roles.Patient);
                Assert.Equal(ResultStatus.Ok, (await _h.SharingService.RevokeAsync(grant)).Status);
                _h.SignIn(MidwifeM, Roles.Midwife);
                break;
            case "midwife-after-expiry":
                // 14 weeks after the due date (1 October 2026) is 7 January 2027; two days later in London.
                _h.Time.SetUtcNow(new DateTimeOffset(2027, 1, 9, 12, 0, 0, TimeSpan.Zero));
                _h.SignIn(MidwifeM, Roles.Midwife);
                break;
            case "midwife-from-an-earlier-pregnancy":
                // The baby came on the due date; months later she is pregnant again and enters the new due date. The grant
                // was for the first pregnancy: the new due date must not bring it back to life.
                var profile = _h.Profiles.Peek(PatientA)!;
                profile.BirthDate = null;
                profile.DueDate = new DateOnly(2027, 12, 1);
                await _h.Profiles.SaveAsync(profile, CancellationToken.None);
                _h.Time.SetUtcNow(new DateTimeOffset(2027, 4, 1, 12, 0, 0, TimeSpan.Zero));
                _h.SignIn(MidwifeM, Roles.Midwife);
                break;
            case "editor":
                _h.SignIn(Editor, Roles.Editor);
                break;
            case "admin":
                _h.SignIn(Admin, Roles.Admin);
                break;
            case "anonymous":
                _h.User.User = CurrentUserInfo.Anonymous;
                break;
            case "midwife-with-grant":
                _h.SignIn(MidwifeM, Roles.Midwife);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(caller), caller, "Unknown caller.");
        }
    }

    /// <summary>Runs one action; returns its status and whether it handed out any data.</summary>
    private async Task<(ResultStatus Status, bool HasData)> RunAsync(string action, Guid grant, Guid episodeId, Guid assessmentId)
    {
        switch (action)
        {
            case "get":
                var log = await _h.LogService.GetAsync(grant);
                return (log.Status, log.Value is not null);
            case "still-allowed":
                var allowed = await _h.LogService.StillAllowedAsync(grant);
                return (allowed ? ResultStatus.Ok : ResultStatus.NotFound, allowed);
            case "acknowledge":
                var review = await _h.LogService.AcknowledgeAsync(grant, assessmentId, "Seen on the ward.");
                return (review.Status, review.Value is not null);
            case "measure":
                var measured = await _h.LogService.RecordCalfDifferenceAsync(grant, episodeId, 3m);
                return (measured.Status, measured.Value is not null);
            case "export-pdf":
                var pdf = await _h.LogService.ExportPdfAsync(grant);
                return (pdf.Status, pdf.Value is not null);
            case "export-csv":
                var csv = await _h.LogService.ExportCsvAsync(grant);
                return (csv.Status, csv.Value is not null);
            case "caseload":
                var rows = await _h.CaseloadService.ListAsync();
                return (rows.Status, rows.Value?.Any(r => r.GrantId == grant || r.Name == "Anna Patient") == true);
            default:
                throw new ArgumentOutOfRangeException(nameof(action), action, "Unknown action.");
        }
    }

    [Theory]
    [MemberData(nameof(RefusedCallerAndAction))]
    public async Task Action_CallerWithoutAnActiveGrant_GetsNothingChangesNothingAndAuditsNoSuccess(string caller, string action)
    {
        var (grant, episodeId, assessmentId) = await ArrangeAsync();
        await SignInAsAsync(caller, grant);
        var auditBefore = _h.Audit.Records.Count;
        var assessmentsBefore = _h.Episodes.Assessments.Count;

        var (status, hasData) = await RunAsync(action, grant, episodeId, assessmentId);

        Assert.False(hasData);
        var isMidwife = caller.StartsWith("midwife", StringComparison.Ordinal);
        Assert.Equal(action == "caseload" && isMidwife ? ResultStatus.Ok : ResultStatus.NotFound, status);
        var written = _h.Audit.Records.Skip(auditBefore).ToList();
        Assert.DoesNotContain(written, r => r.Outcome != "denied");
        Assert.Empty(_h.Episodes.Reviews);
        Assert.Equal(assessmentsBefore, _h.Episodes.Assessments.Count);
        Assert.Null(_h.Episodes.Peek(episodeId)!.MidwifeCalfDifferenceCm);
        Assert.Empty(_h.Writer.Written);
        if (action is not "caseload" && caller != "anonymous")
        {
            // The refusal is a security event in the trail (no patient named, since none was shown).
            var denied = Assert.Single(written);
            Assert.Equal(("patient.access", $"grant:{grant}", (string?)null), (denied.Action, denied.Resource, denied.SubjectUserId));
        }
    }

    [Theory]
    [MemberData(nameof(EveryAction))]
    public async Task Action_MidwifeWithActiveGrant_GetsTheDataAndEachChangeOrViewAuditsExactlyOnce(string action)
    {
        var (grant, episodeId, assessmentId) = await ArrangeAsync();
        await SignInAsAsync("midwife-with-grant", grant);
        var auditBefore = _h.Audit.Records.Count;

        var (status, hasData) = await RunAsync(action, grant, episodeId, assessmentId);

        Assert.Equal(ResultStatus.Ok, status);
        Assert.True(hasData);
        var written = _h.Audit.Records.Skip(auditBefore).ToList();
        string? expected = action switch
        {
            "get" => "log.viewed",
            "acknowledge" => "flag.acknowledged",
            "measure" => "measurement.recorded",
            "export-pdf" => "log.exported.pdf",
            "export-csv" => "log.exported.csv",
            _ => null,
        };
        if (expected is null)
        {
            Assert.Empty(written);
        }
        else
        {
            var row = Assert.Single(written);
            Assert.Equal((MidwifeM, Roles.Midwife, expected, PatientA, "success"), (row.ActorId, row.ActorRole, row.Action, row.SubjectUserId, row.Outcome));
            Assert.NotNull(LegCrampCare.Core.Features.Sharing.SharingService.Describe(row));
        }
    }

    [Fact]
    public async Task FlagFromAnEarlierPregnancy_IsNeitherShownNorCountedNorAcknowledgeable()
    {
        // An EMERGENCY flag from her first pregnancy, which nobody reviewed; now she is pregnant again (due 1 October 2026,
        // from 25 December 2025) with one ordinary cramp, and shares this pregnancy's log with midwife M.
        var earlier = new Episode
        {
            Id = Guid.NewGuid(), PatientId = PatientA, StartedAtUtc = new DateTime(2025, 3, 1, 23, 0, 0, DateTimeKind.Utc), Night = new DateOnly(2025, 3, 1),
            Side = Side.Left,
        };
        _h.Episodes.Seed(earlier);
        var earlierFlag = new Assessment
        {
            Id = Guid.NewGuid(), EpisodeId = earlier.Id, PatientId = PatientA, AssessedAtUtc = earlier.StartedAtUtc.AddMinutes(2),
            Level = TriageLevel.Emergency, FiredRules = "EM-1", RuleSetVersion = "2026.1", Reason = AssessmentReason.Edited,
        };
        _h.Episodes.SeedAssessment(earlierFlag);
        var current = await _h.LogAsync(new DateTime(2026, 6, 9, 23, 0, 0));
        var grant = await _h.ShareAsync();
        _h.SignIn(MidwifeM, Roles.Midwife);

        var row = Assert.Single((await _h.CaseloadService.ListAsync()).Value!);
        var log = (await _h.LogService.GetAsync(grant)).Value!;
        var acknowledged = await _h.LogService.AcknowledgeAsync(grant, earlierFlag.Id, "Seen.");
        var emergencies = (await _h.CaseloadService.ListAsync(TriageLevel.Emergency)).Value!;

        Assert.Equal((null, 0), (row.HighestUnreviewed, row.UnreviewedCount));
        Assert.Equal(current.StartedAtUtc, row.LastEpisodeAtUtc);
        Assert.Equal([current.Id], log.Episodes.Select(e => e.Id));
        Assert.Equal(ResultStatus.NotFound, acknowledged.Status);
        Assert.Empty(_h.Episodes.Reviews);
        Assert.Empty(emergencies);
    }
}
