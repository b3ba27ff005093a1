using LegCrampCare.Core.Features.Safety;
using LegCrampCare.Core.Abstractions;
using LegCrampCare.Core.Common;
using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;
using LegCrampCare.Core.Features.Episodes;
using LegCrampCare.Core.Features.Review;
using LegCrampCare.Core.Features.Sharing;
using LegCrampCare.Core.Tests.Fakes;
using LegCrampCare.Core.Triage;
using LegCrampCare.Tests.Shared;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace LegCrampCare.Core.Tests.Features.Review;

/// <summary>
/// The review services wired as the app wires them, over in-memory stores: the real sharing, episode, log and caseload
/// services, one clock, one signed-in user that tests switch between. Patient A shares with midwife M by email.
/// </summary>
public sealed class ReviewHarness
{
    public const string PatientA = "patient-a";
    public const string PatientB = "patient-b";
    public const string MidwifeM = "midwife-m";
    public const string MidwifeOther = "midwife-o";
    public const string Editor = "editor-e";
    public const string Admin = "admin-a";
    public const string MidwifeEmail = "mary@hospital.test";
    public const string MidwifeName = "Mary Midwife";

    /// <summary>Due 1 October 2026: the pregnancy began on 25 December 2025, and her grants end 14 weeks after the due date.</summary>
    public static readonly DateOnly Due = new(2026, 10, 1);

    public ReviewHarness()
    {
        // 03:30 BST on Wednesday 10 June 2026: the night of the 9th, 23 weeks + 6 days.
        Time = new FakeTimeProvider(new DateTimeOffset(2026, 6, 10, 2, 30, 0, TimeSpan.Zero));
        Audit = new InMemoryAuditLog(Time);
        Caseloads = new InMemoryCaseloadStore(Sharing, Profiles, Episodes);
        Staff.Add(MidwifeM, new StaffMember("mary@hospital.test", MidwifeName), MidwifeEmail, Roles.Midwife);
        Staff.Add(MidwifeOther, new StaffMember("olga@hospital.test", "Olga Other"), "olga@hospital.test", Roles.Midwife);
        Profiles.Seed(Profile(PatientA, "Anna Patient"));
        Profiles.Seed(Profile(PatientB, "Bea Patient"));
        var assessor = new EpisodeAssessor(TriageEngine.Default);
        SharingService = new SharingService(User, Sharing, Profiles, Staff, Audit, new SharedCodeAttempts(), Options, Time, NullLogger<SharingService>.Instance);
        EpisodeService = new EpisodeService(User, Episodes, Profiles, assessor, Guidance, new SafetyOptions(), Audit, Time, NullLogger<EpisodeService>.Instance);
        LogService = new PatientLogService(SharingService, Episodes, Guidance, Staff, Audit, assessor, Time, NullLogger<PatientLogService>.Instance, Writer, new AuditedVisits(Time));
        CaseloadService = new CaseloadService(User, Caseloads, Options, Time, NullLogger<CaseloadService>.Instance);
    }

    public FakeTimeProvider Time { get; }

    public FakeCurrentUser User { get; } = new();

    public InMemoryEpisodeStore Episodes { get; } = new();

    public InMemoryProfileStore Profiles { get; } = new();

    public InMemorySharingStore Sharing { get; } = new();

    public InMemoryGuidanceStore Guidance { get; } = new();

    public FakeStaffDirectory Staff { get; } = new();

    public InMemoryAuditLog Audit { get; }

    public InMemoryCaseloadStore Caseloads { get; }

    public RecordingReportWriter Writer { get; } = new();

    public SharingOptions Options { get; } = new();

    public SharingService SharingService { get; }

    public EpisodeService EpisodeService { get; }

    public PatientLogService LogService { get; }

    public CaseloadService CaseloadService { get; }

    public static PregnancyProfile Profile(string userId, string name, string zone = "Europe/London", DateOnly? due = null) => new()
    {
        UserId = userId,
        DisplayName = name,
        DateOfBirth = new DateOnly(1992, 4, 1),
        HospitalNumber = "H" + userId.Length,
        DueDate = due ?? Due,
        TimeZoneId = zone,
    };

    public void SignIn(string userId, string role) => User.User = FakeCurrentUser.InRole(userId, role);

    /// <summary>The patient shares her log with the midwife by the midwife's email; returns the grant id.</summary>
    public async Task<Guid> ShareAsync(string patientId = PatientA, string email = MidwifeEmail)
    {
        SignIn(patientId, Roles.Patient);
        var grant = await SharingService.ShareWithEmailAsync(email);
        Assert.Equal(ResultStatus.Ok, grant.Status);
        return grant.Value!.Id;
    }

    /// <summary>The patient quick-logs a cramp at a local time, then answers the questions with <paramref name="answers"/> (red flags all "no" by default).</summary>
    public async Task<EpisodeDto> LogAsync(DateTime local, EpisodeAnswers? answers = null, decimal? calfCm = null, string patientId = PatientA, int? minutes = null)
    {
        SignIn(patientId, Roles.Patient);
        var logged = await EpisodeService.QuickLogAsync(new QuickLogRequest { EpisodeId = Guid.NewGuid(), Side = Side.Left, When = QuickLogTime.Custom, CustomStartLocal = local });
        Assert.Equal(ResultStatus.Ok, logged.Status);
        Time.Advance(TimeSpan.FromMinutes(1));
        var details = logged.Value!.Details with { Answers = answers ?? RedFlagsNo(), CalfDifferenceCm = calfCm, DurationMinutes = minutes };
        var updated = await EpisodeService.UpdateAsync(new UpdateEpisodeRequest(logged.Value.Id, details));
        Assert.Equal(ResultStatus.Ok, updated.Status);
        Time.Advance(TimeSpan.FromMinutes(1));
        return updated.Value!;
    }

    /// <summary>Every red-flag question answered "no", stretching helped, no pain afterwards: an ordinary cramp.</summary>
    public static EpisodeAnswers RedFlagsNo() => new()
    {
        SuddenBreathlessness = Answer.No,
        ChestPain = Answer.No,
        CoughingBlood = Answer.No,
        Fainted = Answer.No,
        Swelling = Swelling.None,
        RedOrDarkerSkin = Answer.No,
        Warmth = Answer.No,
        GradualBreathlessness = Answer.No,
        EasedByStretching = Answer.Yes,
        PainStillThere = Answer.No,
    };

    /// <summary>One leg swollen: UR-1, URGENT.</summary>
    public static EpisodeAnswers OneLegSwollen() => RedFlagsNo() with { Swelling = Swelling.OneLeg };

    /// <summary>Chest pain: EM-2, EMERGENCY.</summary>
    public static EpisodeAnswers ChestPain() => RedFlagsNo() with { ChestPain = Answer.Yes };

    /// <summary>Audit rows with outcome "success" (what the patient's access log shows).</summary>
    public IReadOnlyList<AuditRecord> SuccessRows => Audit.Records.Where(r => r.Outcome == "success").ToList();
}
