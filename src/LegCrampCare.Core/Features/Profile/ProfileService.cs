using LegCrampCare.Core.Abstractions;
using LegCrampCare.Core.Common;
using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;
using Microsoft.Extensions.Logging;

namespace LegCrampCare.Core.Features.Profile;

public sealed class ProfileService(
    ICurrentUser currentUser,
    IProfileStore profiles,
    IEpisodeStore episodes,
    Safety.SafetyOptions safety,
    Rules.TriageEngine engine,
    TimeProvider time,
    ILogger<ProfileService> logger) : IProfileService
{
    public async Task<ServiceResult<ProfileDto>> GetMineAsync(CancellationToken ct = default)
    {
        var userId = await PatientIdAsync(ct);
        if (userId is null)
        {
            return ServiceResult<ProfileDto>.NotFound();
        }

        var profile = await profiles.FindAsync(userId, ct);
        return profile is null ? ServiceResult<ProfileDto>.NotFound() : ServiceResult<ProfileDto>.Ok(ToDto(profile));
    }

    public async Task<ServiceResult<ProfileDto>> SaveAsync(SaveProfileRequest request, CancellationToken ct = default)
    {
        var userId = await PatientIdAsync(ct);
        if (userId is null)
        {
            return ServiceResult<ProfileDto>.NotFound();
        }

        var zoneForToday = PregnancyCalendar.FindZoneOrUtc(request.TimeZoneId);
        var nowUtc = time.GetUtcNow().UtcDateTime;
        var today = PregnancyCalendar.LocalDate(nowUtc, zoneForToday);
        var existing = await profiles.FindAsync(userId, ct);
        var result = new SaveProfileRequestValidator(today, existing?.PregnancyEndedOn is not null, safety.PhoneRegion).Validate(request);
        if (!result.IsValid)
        {
            return ServiceResult<ProfileDto>.Invalid(result.Errors.Select(e => new FieldError(e.PropertyName, e.ErrorMessage)).ToList());
        }

        var profile = existing ?? new PregnancyProfile { UserId = userId, CreatedAtUtc = nowUtc };
        profile.DisplayName = TextInput.Clean(request.DisplayName);
        profile.DateOfBirth = request.DateOfBirth!.Value;
        profile.HospitalNumber = TextInput.CleanOrNull(request.HospitalNumber);
        profile.DueDate = request.DueDate;
        profile.BirthDate = request.BirthDate;
        profile.BirthMode = request.BirthDate is null ? null : request.BirthMode;
        profile.TimeZoneId = request.TimeZoneId;
        profile.RiskFactors = request.RiskFactors;
        profile.MaternityPhone = Safety.Phones.ToE164(request.MaternityPhone, safety.PhoneRegion);
        profile.Theme = request.Theme;
        profile.UpdatedAtUtc = nowUtc;
        await profiles.SaveAsync(profile, ct);
        logger.LogInformation("Profile saved for user {UserId}", userId);
        return ServiceResult<ProfileDto>.Ok(ToDto(profile));
    }

    public Task<ServiceResult<ProfileDto>> RecordBirthAsync(RecordBirthRequest request, CancellationToken ct = default) =>
        ChangeAsync(
            (profile, today) =>
            {
                var result = new RecordBirthRequestValidator(today).Validate(request);
                if (!result.IsValid)
                {
                    return result.Errors.Select(e => new FieldError(e.PropertyName, e.ErrorMessage)).ToList();
                }

                profile.BirthDate = request.BirthDate;
                profile.BirthMode = request.BirthMode;
                profile.PregnancyEndedOn = null;
                return [];
            },
            ct);

    public Task<ServiceResult<ProfileDto>> BabyNotArrivedYetAsync(CancellationToken ct = default) =>
        ChangeAsync(
            (profile, today) =>
            {
                profile.BabyArrivedPromptAnsweredOn = today;
                return [];
            },
            ct);

    public async Task<ServiceResult<ProfileDto>> EndPregnancyAsync(bool deleteLog, CancellationToken ct = default)
    {
        var result = await ChangeAsync(
            (profile, today) =>
            {
                profile.PregnancyEndedOn = today;
                return [];
            },
            ct);
        if (result.IsOk && deleteLog)
        {
            var userId = (await currentUser.GetAsync(ct)).UserId!;
            var deleted = await episodes.DeleteAllAsync(userId, ct);
            logger.LogInformation("Profile {UserId} updated; {Count} episodes deleted at her request", userId, deleted);
        }

        return result;
    }

    public Task<ServiceResult<ProfileDto>> SetThemeAsync(ThemePreference theme, CancellationToken ct = default) =>
        ChangeAsync(
            (profile, _) =>
            {
                if (!Enum.IsDefined(theme))
                {
                    return [new FieldError(nameof(SaveProfileRequest.Theme), "Choose automatic, day or night colours.")];
                }

                profile.Theme = theme;
                return [];
            },
            ct);

    private async Task<ServiceResult<ProfileDto>> ChangeAsync(
        Func<PregnancyProfile, DateOnly, List<FieldError>> change, CancellationToken ct)
    {
        var userId = await PatientIdAsync(ct);
        if (userId is null)
        {
            return ServiceResult<ProfileDto>.NotFound();
        }

        var profile = await profiles.FindAsync(userId, ct);
        if (profile is null)
        {
            return ServiceResult<ProfileDto>.NotFound();
        }

        var nowUtc = time.GetUtcNow().UtcDateTime;
        var today = PregnancyCalendar.LocalDate(nowUtc, PregnancyCalendar.FindZoneOrUtc(profile.TimeZoneId));
        var errors = change(profile, today);
        if (errors.Count > 0)
        {
            return ServiceResult<ProfileDto>.Invalid(errors);
        }

        profile.UpdatedAtUtc = nowUtc;
        await profiles.SaveAsync(profile, ct);
        return ServiceResult<ProfileDto>.Ok(ToDto(profile));
    }

    private async Task<string?> PatientIdAsync(CancellationToken ct)
    {
        var user = await currentUser.GetAsync(ct);
        return user.UserId is not null && user.IsInRole(Roles.Patient) ? user.UserId : null;
    }

    private ProfileDto ToDto(PregnancyProfile p)
    {
        var zone = PregnancyCalendar.FindZoneOrUtc(p.TimeZoneId);
        var today = PregnancyCalendar.LocalDate(time.GetUtcNow().UtcDateTime, zone);
        var stage = PregnancyCalendar.StageOn(p, today);
        return new ProfileDto(
            new SaveProfileRequest
            {
                DisplayName = p.DisplayName,
                DateOfBirth = p.DateOfBirth,
                HospitalNumber = p.HospitalNumber,
                DueDate = p.DueDate,
                BirthDate = p.BirthDate,
                BirthMode = p.BirthMode,
                TimeZoneId = p.TimeZoneId,
                RiskFactors = p.RiskFactors,
                MaternityPhone = p.MaternityPhone is null ? null : Safety.Phones.Display(p.MaternityPhone, safety.PhoneRegion),
                Theme = p.Theme,
            },
            stage.Label,
            stage is PregnancyStage.Pregnant,
            stage is PregnancyStage.Postpartum,
            p.PregnancyEndedOn is not null && p.BirthDate is null,
            PregnancyCalendar.ShouldAskIfBabyArrived(p, today),
            today)
        {
            WordingToday = Triage.ProfileWording.For(p, today, engine.Options),
            Contacts = safety.ContactsFor(p.MaternityPhone),
            Facts = p.Facts,
        };
    }
}
