using System.Collections.Concurrent;
using LegCrampCare.Core.Abstractions;
using LegCrampCare.Core.Common;
using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;
using Microsoft.Extensions.Logging;

namespace LegCrampCare.Core.Features.Sharing;

/// <summary>A grant as the patient or the midwife sees it.</summary>
public sealed record GrantView(Guid Id, string MidwifeName, string PatientName, DateTime SinceUtc, GrantStatus Status, DateOnly? LastDay, DateTime? RevokedAtUtc);

/// <summary>A share code she can read out, and until when it works.</summary>
public sealed record NewShareCode(string Code, DateTime ExpiresAtUtc);

public sealed record UsableCode(DateTime CreatedAtUtc, DateTime ExpiresAtUtc);

/// <summary>One time someone else looked at, exported or acted on her log.</summary>
public sealed record AccessLogEntry(DateTime AtUtc, string Who, string What);

public sealed record SharingOverview(
    IReadOnlyList<GrantView> Grants,
    IReadOnlyList<UsableCode> Codes,
    IReadOnlyList<AccessLogEntry> AccessLog,
    DateOnly? LastDay,
    bool CanShare);

/// <summary>What a midwife may see of one patient, right now: checked on every load and action.</summary>
public sealed record PatientAccess(Guid GrantId, string PatientId, string MidwifeId, PregnancyProfile Profile, DateOnly CoversFrom, DateOnly LastDay);

public interface ISharingService
{
    Task<ServiceResult<SharingOverview>> GetMineAsync(CancellationToken ct = default);

    Task<ServiceResult<NewShareCode>> CreateCodeAsync(CancellationToken ct = default);

    Task<ServiceResult<GrantView>> ShareWithEmailAsync(string? email, CancellationToken ct = default);

    Task<ServiceResult<GrantView>> RevokeAsync(Guid grantId, CancellationToken ct = default);

    Task<ServiceResult<GrantView>> RedeemAsync(string? code, CancellationToken ct = default);

    /// <summary>The calling midwife's access to the patient behind this grant; "not found" (and a security event) otherwise.</summary>
    Task<ServiceResult<PatientAccess>> AuthorizeAsync(Guid grantId, CancellationToken ct = default);

    /// <summary>Every patient the calling midwife may see now.</summary>
    Task<ServiceResult<IReadOnlyList<PatientAccess>>> ActiveForMidwifeAsync(CancellationToken ct = default);
}

/// <summary>
/// Consent, owned by the patient: she shares her log with a midwife by a one-time code or by the midwife's email, sees
/// who has access and what they did, and revokes in one tap. Every check is made here, on every call.
/// </summary>
public sealed class SharingService(
    ICurrentUser currentUser,
    ISharingStore store,
    IProfileStore profiles,
    IStaffDirectory staff,
    IAuditLog audit,
    SharedCodeAttempts attempts,
    SharingOptions options,
    TimeProvider time,
    ILogger<SharingService> logger) : ISharingService
{
    public const int MaxUsableCodes = 5;
    public const int AccessLogLength = 200;

    public const string BadCodeMessage =
        "Share code: this code doesn't work. Codes are 8 letters and digits, work once, and last 7 days. Check it with her, or ask her for a new one.";

    private SharingOptions Options => options;

    public async Task<ServiceResult<SharingOverview>> GetMineAsync(CancellationToken ct = default)
    {
        if (await PatientAsync(ct) is not { } patientId)
        {
            return ServiceResult<SharingOverview>.NotFound();
        }

        var now = time.GetUtcNow().UtcDateTime;
        var profile = await profiles.FindAsync(patientId, ct);
        var grants = new List<GrantView>();
        foreach (var grant in (await store.ListGrantsForPatientAsync(patientId, ct)).OrderByDescending(g => g.CreatedAtUtc))
        {
            grants.Add(await ViewAsync(grant, profile, now, ct));
        }

        var codes = (await store.ListUsableCodesAsync(patientId, now, ct)).Select(c => new UsableCode(c.CreatedAtUtc, c.ExpiresAtUtc)).ToList();
        var log = new List<AccessLogEntry>();
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var record in await audit.ListAboutAsync(patientId, AccessLogLength, ct))
        {
            if (record.ActorId == patientId || Describe(record) is not { } what)
            {
                continue;
            }

            if (!names.TryGetValue(record.ActorId, out var who))
            {
                who = (await staff.FindAsync(record.ActorId, ct))?.WorkName ?? "A former staff member";
                names[record.ActorId] = who;
            }

            log.Add(new AccessLogEntry(record.AtUtc, $"{who} ({Role(record.ActorRole)})", what));
        }

        var lastDay = profile is null ? null : SharingRules.LastDay(profile, Options);
        var canShare = profile is not null && SharingRules.CoversFrom(profile) is not null && lastDay is { } last && Today(profile, now) <= last;
        return ServiceResult<SharingOverview>.Ok(new SharingOverview(grants, codes, log, lastDay, canShare));
    }

    public async Task<ServiceResult<NewShareCode>> CreateCodeAsync(CancellationToken ct = default)
    {
        if (await PatientAsync(ct) is not { } patientId)
        {
            return ServiceResult<NewShareCode>.NotFound();
        }

        var now = time.GetUtcNow().UtcDateTime;
        if (await ShareableProfileAsync(patientId, now, ct) is { } why)
        {
            return ServiceResult<NewShareCode>.Invalid("Sharing", why);
        }

        if ((await store.ListUsableCodesAsync(patientId, now, ct)).Count >= MaxUsableCodes)
        {
            return ServiceResult<NewShareCode>.Invalid("Sharing", $"You already have {MaxUsableCodes} codes that haven't been used. Use one of those, or wait until they expire.");
        }

        var code = SharingRules.NewCode();
        var expires = now.AddDays(Options.ShareCodeValidDays);
        await store.AddCodeAsync(new ShareCode
        {
            Id = Guid.NewGuid(),
            PatientId = patientId,
            CodeHash = SharingRules.Hash(SharingRules.Normalise(code)!),
            CreatedAtUtc = now,
            ExpiresAtUtc = expires,
        }, ct);
        await audit.WriteAsync(new AuditEntry(patientId, Roles.Patient, "share-code.created", patientId, "share-code", "success"), ct);
        return ServiceResult<NewShareCode>.Ok(new NewShareCode(code, expires));
    }

    public async Task<ServiceResult<GrantView>> ShareWithEmailAsync(string? email, CancellationToken ct = default)
    {
        if (await PatientAsync(ct) is not { } patientId)
        {
            return ServiceResult<GrantView>.NotFound();
        }

        var address = EmailAddresses.Clean(email);
        if (address.Length == 0)
        {
            return ServiceResult<GrantView>.Invalid("Email", "Midwife's email: enter the email address she uses for LegCrampCare, e.g. name@hospital.nhs.uk.");
        }

        if (EmailAddresses.Problem(address) is { } problem)
        {
            return ServiceResult<GrantView>.Invalid("Email", "Midwife's email: " + problem);
        }

        var now = time.GetUtcNow().UtcDateTime;
        if (await ShareableProfileAsync(patientId, now, ct) is { } why)
        {
            return ServiceResult<GrantView>.Invalid("Sharing", why);
        }

        if (await staff.FindIdByEmailAsync(address, Roles.Midwife, ct) is not { } midwifeId)
        {
            return ServiceResult<GrantView>.Invalid("Email", "Midwife's email: no midwife has a LegCrampCare account with this email. Check it with her, or share a code instead.");
        }

        return await GrantAsync(patientId, midwifeId, GrantMethod.MidwifeEmail, now, ct);
    }

    public async Task<ServiceResult<GrantView>> RevokeAsync(Guid grantId, CancellationToken ct = default)
    {
        if (await PatientAsync(ct) is not { } patientId)
        {
            return ServiceResult<GrantView>.NotFound();
        }

        var now = time.GetUtcNow().UtcDateTime;
        if (!await store.RevokeAsync(grantId, patientId, now, ct) || await store.FindGrantAsync(grantId, ct) is not { } grant)
        {
            // Another patient's grant (what a modified page would send): refused and audited, ids only. Her own grant that
            // was already stopped (a double tap) or none at all is just not found.
            if (await store.FindGrantAsync(grantId, ct) is { } other && other.PatientId != patientId)
            {
                logger.LogWarning("Security: revoking grant {GrantId} refused for patient {UserId}: it is another patient's", grantId, patientId);
                await audit.WriteAsync(new AuditEntry(patientId, Roles.Patient, "grant.revoked", null, $"grant:{grantId}", "denied"), ct);
            }

            return ServiceResult<GrantView>.NotFound();
        }

        await audit.WriteAsync(new AuditEntry(patientId, Roles.Patient, "grant.revoked", patientId, $"grant:{grantId}", "success"), ct);
        logger.LogInformation("Grant {GrantId} revoked by the patient", grantId);
        return ServiceResult<GrantView>.Ok(await ViewAsync(grant, await profiles.FindAsync(patientId, ct), now, ct));
    }

    public async Task<ServiceResult<GrantView>> RedeemAsync(string? code, CancellationToken ct = default)
    {
        var user = await currentUser.GetAsync(ct);
        if (user.UserId is not { } midwifeId || !user.IsInRole(Roles.Midwife))
        {
            return ServiceResult<GrantView>.NotFound();
        }

        var now = time.GetUtcNow().UtcDateTime;
        if (!attempts.MayTry(midwifeId, now, Options.MaxFailedCodesPerHour))
        {
            return ServiceResult<GrantView>.Invalid("Code", "Share code: too many codes that didn't work in the last hour. Wait a while, then try again.");
        }

        if (SharingRules.Normalise(code) is not { } normalised
            || await store.FindUsableCodeAsync(SharingRules.Hash(normalised), now, ct) is not { } found
            || await profiles.FindAsync(found.PatientId, ct) is not { } profile
            || SharingRules.CoversFrom(profile) is not { } coversFrom)
        {
            attempts.Failed(midwifeId, now);
            logger.LogWarning("Security: a share code that doesn't work was entered by midwife {MidwifeId}", midwifeId);
            await audit.WriteAsync(new AuditEntry(midwifeId, Roles.Midwife, "share-code.redeemed", null, "share-code", "denied"), ct);
            return ServiceResult<GrantView>.Invalid("Code", BadCodeMessage);
        }

        // Already sharing with this midwife: one grant per pair, so that "stop sharing" always ends her access.
        var existing = (await store.ListGrantsForPatientAsync(found.PatientId, ct))
            .FirstOrDefault(g => g.MidwifeId == midwifeId && SharingRules.Status(g, profile, Options, now) == GrantStatus.Active);
        if (existing is not null)
        {
            return ServiceResult<GrantView>.Ok(await ViewAsync(existing, profile, now, ct));
        }

        var grant = NewGrant(found.PatientId, midwifeId, GrantMethod.ShareCode, coversFrom, now);
        if (!await store.UseCodeAsync(found.Id, grant, now, ct))
        {
            attempts.Failed(midwifeId, now);
            return ServiceResult<GrantView>.Invalid("Code", BadCodeMessage);
        }

        await audit.WriteAsync(new AuditEntry(midwifeId, Roles.Midwife, "grant.created", found.PatientId, $"grant:{grant.Id}", "success"), ct);
        logger.LogInformation("Grant {GrantId} created from a share code", grant.Id);
        return ServiceResult<GrantView>.Ok(await ViewAsync(grant, profile, now, ct));
    }

    public async Task<ServiceResult<PatientAccess>> AuthorizeAsync(Guid grantId, CancellationToken ct = default)
    {
        var user = await currentUser.GetAsync(ct);
        if (user.UserId is not { } midwifeId || !user.IsInRole(Roles.Midwife))
        {
            return await DeniedAsync(user, grantId, "not a midwife", ct);
        }

        var grant = await store.FindGrantAsync(grantId, ct);
        if (grant is null || grant.MidwifeId != midwifeId)
        {
            return await DeniedAsync(user, grantId, "no such grant for this midwife", ct);
        }

        var profile = await profiles.FindAsync(grant.PatientId, ct);
        var now = time.GetUtcNow().UtcDateTime;
        var status = SharingRules.Status(grant, profile, Options, now);
        if (status != GrantStatus.Active)
        {
            return await DeniedAsync(user, grantId, status == GrantStatus.Revoked ? "revoked" : "expired", ct);
        }

        return ServiceResult<PatientAccess>.Ok(Access(grant, midwifeId, profile!));
    }

    public async Task<ServiceResult<IReadOnlyList<PatientAccess>>> ActiveForMidwifeAsync(CancellationToken ct = default)
    {
        var user = await currentUser.GetAsync(ct);
        if (user.UserId is not { } midwifeId || !user.IsInRole(Roles.Midwife))
        {
            return ServiceResult<IReadOnlyList<PatientAccess>>.NotFound();
        }

        var now = time.GetUtcNow().UtcDateTime;
        var active = new List<PatientAccess>();
        foreach (var grant in await store.ListUnrevokedGrantsForMidwifeAsync(midwifeId, ct))
        {
            var profile = await profiles.FindAsync(grant.PatientId, ct);
            if (SharingRules.Status(grant, profile, Options, now) == GrantStatus.Active)
            {
                active.Add(Access(grant, midwifeId, profile!));
            }
        }

        return ServiceResult<IReadOnlyList<PatientAccess>>.Ok(active);
    }

    /// <summary>An active grant shows her current pregnancy, from its first night (see <see cref="SharingRules.CoversFrom"/>).</summary>
    private PatientAccess Access(CareGrant grant, string midwifeId, PregnancyProfile profile) =>
        new(grant.Id, grant.PatientId, midwifeId, profile, SharingRules.CoversFrom(profile)!.Value, SharingRules.LastDay(profile, Options)!.Value);

    private async Task<ServiceResult<PatientAccess>> DeniedAsync(CurrentUserInfo user, Guid grantId, string reason, CancellationToken ct)
    {
        logger.LogWarning("Security: access to grant {GrantId} refused for user {UserId} ({Reason})", grantId, user.UserId ?? "anonymous", reason);
        if (user.UserId is { } actor)
        {
            await audit.WriteAsync(new AuditEntry(actor, user.Roles.FirstOrDefault() ?? "none", "patient.access", null, $"grant:{grantId}", "denied"), ct);
        }

        return ServiceResult<PatientAccess>.NotFound();
    }

    private async Task<ServiceResult<GrantView>> GrantAsync(string patientId, string midwifeId, GrantMethod method, DateTime now, CancellationToken ct)
    {
        var profile = (await profiles.FindAsync(patientId, ct))!;
        var existing = (await store.ListGrantsForPatientAsync(patientId, ct))
            .FirstOrDefault(g => g.MidwifeId == midwifeId && SharingRules.Status(g, profile, Options, now) == GrantStatus.Active);
        if (existing is not null)
        {
            return ServiceResult<GrantView>.Ok(await ViewAsync(existing, profile, now, ct));
        }

        var grant = NewGrant(patientId, midwifeId, method, SharingRules.CoversFrom(profile)!.Value, now);
        await store.AddGrantAsync(grant, ct);
        await audit.WriteAsync(new AuditEntry(patientId, Roles.Patient, "grant.created", patientId, $"grant:{grant.Id}", "success"), ct);
        logger.LogInformation("Grant {GrantId} created by the patient", grant.Id);
        return ServiceResult<GrantView>.Ok(await ViewAsync(grant, profile, now, ct));
    }

    private static CareGrant NewGrant(string patientId, string midwifeId, GrantMethod method, DateOnly coversFrom, DateTime now) => new()
    {
        Id = Guid.NewGuid(),
        PatientId = patientId,
        MidwifeId = midwifeId,
        Method = method,
        CreatedAtUtc = now,
        CoversFrom = coversFrom,
    };

    /// <summary>Null when she can share; otherwise why not, in her words.</summary>
    private async Task<string?> ShareableProfileAsync(string patientId, DateTime now, CancellationToken ct)
    {
        var profile = await profiles.FindAsync(patientId, ct);
        if (profile is null || SharingRules.CoversFrom(profile) is null)
        {
            return "Add your due date (or your baby's birth date) under My pregnancy first, so sharing can end on its own after the birth.";
        }

        return SharingRules.LastDay(profile, Options) is { } last && Today(profile, now) <= last
            ? null
            : "Sharing ends some weeks after the birth, and that time has passed, so you can't share this log any more.";
    }

    private static DateOnly Today(PregnancyProfile profile, DateTime now) =>
        PregnancyCalendar.LocalDate(now, PregnancyCalendar.FindZoneOrUtc(profile.TimeZoneId));

    private async Task<GrantView> ViewAsync(CareGrant grant, PregnancyProfile? profile, DateTime now, CancellationToken ct) => new(
        grant.Id,
        (await staff.FindAsync(grant.MidwifeId, ct))?.WorkName ?? "A former staff member",
        profile?.DisplayName ?? "",
        grant.CreatedAtUtc,
        SharingRules.Status(grant, profile, Options, now),
        profile is null ? null : SharingRules.LastDay(profile, Options),
        grant.RevokedAtUtc);

    private async Task<string?> PatientAsync(CancellationToken ct)
    {
        var user = await currentUser.GetAsync(ct);
        return user.UserId is not null && user.IsInRole(Roles.Patient) ? user.UserId : null;
    }

    /// <summary>What the patient reads in her access log; null for events she doesn't need to see.</summary>
    public static string? Describe(AuditRecord record) => record.Outcome != "success" ? null : record.Action switch
    {
        "log.viewed" => "Looked at your cramp log",
        "log.exported.pdf" => "Downloaded a summary of your log (PDF)",
        "log.exported.csv" => "Downloaded your cramps as a spreadsheet (CSV)",
        "flag.acknowledged" => "Reviewed a warning sign and left a note",
        "measurement.recorded" => "Recorded a calf measurement",
        "grant.created" => "Started seeing your log (used your share code)",
        _ => null,
    };

    private static string Role(string role) => role switch
    {
        Roles.Midwife => "midwife",
        Roles.Admin => "admin",
        _ => role.ToLowerInvariant(),
    };
}

/// <summary>Wrong share codes per midwife in the last hour, in memory: slows down guessing.</summary>
public sealed class SharedCodeAttempts
{
    private readonly ConcurrentDictionary<string, Queue<DateTime>> _failures = new(StringComparer.Ordinal);

    public bool MayTry(string midwifeId, DateTime now, int maxPerHour)
    {
        if (!_failures.TryGetValue(midwifeId, out var queue))
        {
            return true;
        }

        lock (queue)
        {
            while (queue.Count > 0 && queue.Peek() <= now.AddHours(-1))
            {
                queue.Dequeue();
            }

            return queue.Count < maxPerHour;
        }
    }

    public void Failed(string midwifeId, DateTime now)
    {
        var queue = _failures.GetOrAdd(midwifeId, _ => new Queue<DateTime>());
        lock (queue)
        {
            queue.Enqueue(now);
        }
    }
}
