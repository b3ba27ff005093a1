using System.Security.Cryptography;
using LegCrampCare.Core.Abstractions;
using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;
using LegCrampCare.Core.Features.Sharing;
using LegCrampCare.Core.Triage;
using LegCrampCare.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;

namespace LegCrampCare.Web.Services;

/// <summary>
/// Development only: one demo account per role, created on first start, with a patient who has three weeks of
/// realistic episodes. The generated passwords are printed once to the console (not to the log file) and never again.
/// </summary>
public sealed class DemoDataSeeder(
    UserManager<ApplicationUser> users,
    IProfileStore profiles,
    IEpisodeStore episodes,
    ISharingStore sharing,
    EpisodeAssessor assessor,
    TimeProvider time)
{
    public static readonly IReadOnlyList<(string Email, string Role)> Accounts =
    [
        ("patient@demo.legcrampcare.test", Roles.Patient),
        ("midwife@demo.legcrampcare.test", Roles.Midwife),
        ("editor@demo.legcrampcare.test", Roles.Editor),
        ("approver@demo.legcrampcare.test", Roles.ClinicalApprover),
        ("admin@demo.legcrampcare.test", Roles.Admin),
    ];

    /// <summary>Readers see it on pages the demo approver approves: plainly a demo, never a real clinician.</summary>
    public const string DemoApproverName = "Demo Approver (demonstration account, not a real clinician)";

    /// <summary>Creates any missing demo account; returns the sign-in details of those created now.</summary>
    public async Task<IReadOnlyList<(string Email, string Role, string Password)>> SeedAsync(CancellationToken ct = default)
    {
        var created = new List<(string, string, string)>();
        foreach (var (email, role) in Accounts)
        {
            if (await users.FindByEmailAsync(email) is not null)
            {
                continue;
            }

            var password = NewPassword();
            var user = new ApplicationUser
            {
                UserName = email,
                Email = email,
                EmailConfirmed = true,
                CreatedAtUtc = time.GetUtcNow().UtcDateTime,
                HealthDataConsentAtUtc = role == Roles.Patient ? time.GetUtcNow().UtcDateTime : null,
                StaffName = role switch { Roles.ClinicalApprover => DemoApproverName, Roles.Midwife => "Demo Midwife (demonstration account)", _ => null },
            };
            var result = await users.CreateAsync(user, password);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException("Demo account could not be created: " + string.Join("; ", result.Errors.Select(e => e.Description)));
            }

            await users.AddToRoleAsync(user, role);
            if (role == Roles.Patient)
            {
                await SeedPatientAsync(user.Id, ct);
            }

            created.Add((email, role, password));
        }

        await ShareDemoLogAsync(ct);
        return created;
    }

    /// <summary>The demo patient shares her log with the demo midwife, so "My patients" has someone in it.</summary>
    private async Task ShareDemoLogAsync(CancellationToken ct)
    {
        var patient = await users.FindByEmailAsync(Accounts[0].Email);
        var midwife = await users.FindByEmailAsync(Accounts[1].Email);
        if (patient is null || midwife is null || await profiles.FindAsync(patient.Id, ct) is not { } profile
            || SharingRules.CoversFrom(profile) is not { } coversFrom
            || (await sharing.ListGrantsForPatientAsync(patient.Id, ct)).Any(g => g.MidwifeId == midwife.Id))
        {
            return;
        }

        await sharing.AddGrantAsync(new CareGrant
        {
            Id = Guid.NewGuid(),
            PatientId = patient.Id,
            MidwifeId = midwife.Id,
            Method = GrantMethod.MidwifeEmail,
            CreatedAtUtc = time.GetUtcNow().UtcDateTime,
            CoversFrom = coversFrom,
        }, ct);
    }

    private async Task SeedPatientAsync(string userId, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var zone = PregnancyCalendar.FindZoneOrUtc("Europe/London");
        var today = PregnancyCalendar.LocalDate(now, zone);
        var profile = new PregnancyProfile
        {
            UserId = userId,
            DisplayName = "Sam Demo",
            DateOfBirth = today.AddYears(-36),
            DueDate = today.AddDays(70),
            TimeZoneId = "Europe/London",
            RiskFactors = RiskFactors.AgeOver35,
            CreatedAtUtc = now,
            UpdatedAtUtc = now,
        };
        await profiles.SaveAsync(profile, ct);

        var random = new Random(20261126);
        Side[] sides = [Side.Left, Side.Right, Side.Both, Side.Left, Side.Right];
        var currentNight = PregnancyCalendar.NightOf(now, zone);
        var seeded = new List<Episode>();

        // Three weeks of complete, ordinary cramps on earlier nights (one with calves measured 1.5 cm apart)…
        int[] nightsAgo = [2, 3, 5, 6, 8, 10, 11, 13, 16, 17, 20];
        foreach (var ago in nightsAgo)
        {
            var night = currentNight.AddDays(-ago);
            var local = night.AddDays(1).ToDateTime(new TimeOnly(1 + random.Next(0, 4), random.Next(0, 60)));
            var episode = Build(userId, PregnancyCalendar.LocalToUtc(local, zone), sides[ago % sides.Length], complete: true, random, zone);
            if (ago == 8)
            {
                episode.CalfDifferenceCm = 1.5m;
            }

            seeded.Add(episode);
        }

        // …and one from last night that was quick-logged, its questions still to answer (the morning review shows it).
        var lastNight = today.AddDays(-1);
        var lateEvening = PregnancyCalendar.LocalToUtc(lastNight.ToDateTime(new TimeOnly(22, 40)), zone);
        var smallHours = PregnancyCalendar.LocalToUtc(today.ToDateTime(new TimeOnly(2, 10)), zone);
        seeded.Add(Build(userId, smallHours < now ? smallHours : lateEvening, Side.Left, complete: false, random, zone));

        // Each assessed as the app would have when it was saved, with the nights before it as history.
        foreach (var episode in seeded.OrderBy(e => e.StartedAtUtc))
        {
            var earlierNights = seeded.Where(e => e.StartedAtUtc < episode.StartedAtUtc).Select(e => e.Night).Distinct();
            var reason = episode.Answers.HasUnansweredRedFlag ? AssessmentReason.Logged : AssessmentReason.Edited;
            var assessment = assessor.Assess(episode, profile, earlierNights, reason, episode.UpdatedAtUtc);
            await episodes.AddIfAbsentAsync(episode, assessment, ct);
        }
    }

    private static Episode Build(string userId, DateTime start, Side side, bool complete, Random random, TimeZoneInfo zone) =>
        new()
        {
            Id = Guid.NewGuid(),
            PatientId = userId,
            StartedAtUtc = start,
            Night = PregnancyCalendar.NightOf(start, zone),
            Side = side,
            DurationMinutes = complete ? random.Next(1, 6) : null,
            Locations = complete ? CrampLocations.Calf : CrampLocations.None,
            PainScore = complete ? random.Next(4, 9) : null,
            HelpedBy = complete ? ReliefMethods.Stretching | (random.Next(3) == 0 ? ReliefMethods.Massage : ReliefMethods.None) : ReliefMethods.None,
            Answers = complete ? AllClear() : new EpisodeAnswers(),
            CreatedAtUtc = start.AddMinutes(3),
            UpdatedAtUtc = complete ? start.AddHours(6) : start.AddMinutes(3),
        };

    private static EpisodeAnswers AllClear() => new()
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

    private static string NewPassword()
    {
        const string alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
        Span<char> chars = stackalloc char[20];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)];
        }

        return $"{chars[..5]}-{chars[5..10]}-{chars[10..15]}-{chars[15..]}";
    }
}
