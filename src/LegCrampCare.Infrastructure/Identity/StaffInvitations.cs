using System.Globalization;
using System.Text;
using LegCrampCare.Core.Abstractions;
using LegCrampCare.Core.Common;
using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;
using LegCrampCare.Infrastructure.Email;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LegCrampCare.Infrastructure.Identity;

/// <summary>What an admin fills in to invite a staff member.</summary>
public sealed record InviteStaffRequest(string? Email, IReadOnlyCollection<string>? Roles, string? StaffName);

/// <summary>An invitation that was made: whose account, until when its link works, and what happened to the email.</summary>
public sealed record StaffInvitationSent(string UserId, DateTime ExpiresAtUtc, EmailOutcome Email, bool ReplacedEarlierLink);

/// <summary>An account that was invited and has no password yet.</summary>
public sealed record PendingInvitation(DateTime SentAtUtc, DateTime ExpiresAtUtc, bool IsExpired);

/// <summary>The account a working invitation link belongs to, as the invitee may see it.</summary>
public sealed record InvitationAccount(string UserId, string Email);

/// <summary>
/// Staff invitations (docs/decisions/0012-staff-invitations-and-email.md). An admin invites by email, with roles and the
/// name patients and readers see; the account is made without a password and gets a one-time link (valid 72 hours by
/// default) to choose one. Only admins invite (anyone else gets "not found"); every invitation is audited with the
/// user id, never the email. The link is a <see cref="StaffInvitationTokenProvider"/> token tied to the security stamp,
/// so it stops working once the password is set or a new link is sent.
/// </summary>
public sealed class StaffInvitations(
    UserManager<ApplicationUser> users,
    ICurrentUser currentUser,
    IAuditLog audit,
    IAccountEmailSender email,
    TimeProvider time,
    IOptions<StaffInvitationTokenProviderOptions> tokenOptions,
    ILogger<StaffInvitations> logger)
{
    public const string EmailField = "Email";
    public const string RolesField = "Roles";
    public const string StaffNameField = "StaffName";
    public const string PasswordField = "Password";

    /// <summary>Problems with the invitation as a whole: no email service, an account that is already set up.</summary>
    public const string InvitationField = "Invitation";

    public const int MaxEmailLength = EmailAddresses.MaxLength;

    /// <summary>The token purpose; with the provider's own name, a link can't be used for anything else.</summary>
    public const string TokenPurpose = "StaffInvitation";

    /// <summary>Where (in AspNetUserTokens) the time the current link was sent is kept until the invitation is accepted.</summary>
    public const string RecordProvider = "LegCrampCare";

    public const string SentAtRecordName = "StaffInvitationSentAtUtc";

    /// <summary>The roles a staff member can be invited with (patients register themselves).</summary>
    public static IReadOnlyList<string> StaffRoles { get; } = [Roles.Midwife, Roles.Editor, Roles.ClinicalApprover, Roles.Admin];

    /// <summary>
    /// Invites a staff member. An email without an account gets a new account; one that was invited but never set up
    /// gets the roles and name given now and a new link (the earlier link stops working); one with a working account is
    /// refused. <paramref name="acceptPageUrl"/> is the absolute address of the page that accepts the link.
    /// </summary>
    public async Task<ServiceResult<StaffInvitationSent>> InviteAsync(InviteStaffRequest request, string acceptPageUrl, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (await AdminIdAsync(ct) is not { } adminId)
        {
            return ServiceResult<StaffInvitationSent>.NotFound();
        }

        var address = EmailAddresses.Clean(request.Email);
        var roles = (request.Roles ?? []).Distinct(StringComparer.Ordinal).ToList();
        var errors = Validate(request.Email, roles, request.StaffName);
        var name = TextInput.Clean(request.StaffName);
        if (errors.Count > 0)
        {
            return ServiceResult<StaffInvitationSent>.Invalid(errors);
        }

        if (!email.CanDeliver)
        {
            return NoEmailService();
        }

        var user = await users.FindByEmailAsync(address);
        var replaced = user is not null;
        if (user is not null && await users.HasPasswordAsync(user))
        {
            return ServiceResult<StaffInvitationSent>.Invalid(EmailField,
                "Email: there is already an account with this email address. To give it a staff role, change its roles on the Users page.");
        }

        if (user is null)
        {
            user = new ApplicationUser
            {
                UserName = address,
                Email = address,
                StaffName = name,
                CreatedAtUtc = time.GetUtcNow().UtcDateTime,
            };
            var created = await users.CreateAsync(user);
            if (!created.Succeeded)
            {
                return created.Errors.Any(e => e.Code is nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName))
                    ? ServiceResult<StaffInvitationSent>.Invalid(EmailField, "Email: there is already an account with this email address. To give it a staff role, change its roles on the Users page.")
                    : ServiceResult<StaffInvitationSent>.Invalid(EmailField, "Email: this address can't be used for an account. Check it for typing mistakes.");
            }
        }
        else
        {
            user.StaffName = name;
            var current = await users.GetRolesAsync(user);
            var toRemove = current.Except(roles, StringComparer.Ordinal).ToList();
            if (toRemove.Count > 0)
            {
                await users.RemoveFromRolesAsync(user, toRemove);
            }
        }

        var toAdd = roles.Except(await users.GetRolesAsync(user), StringComparer.Ordinal).ToList();
        if (toAdd.Count > 0)
        {
            await users.AddToRolesAsync(user, toAdd);
        }

        return ServiceResult<StaffInvitationSent>.Ok(await SendLinkAsync(user, adminId, acceptPageUrl, replaced, ct));
    }

    /// <summary>Sends a new link to an account that was invited and never set up; the earlier link stops working.</summary>
    public async Task<ServiceResult<StaffInvitationSent>> ResendAsync(string userId, string acceptPageUrl, CancellationToken ct = default)
    {
        if (await AdminIdAsync(ct) is not { } adminId || await users.FindByIdAsync(userId) is not { } user)
        {
            return ServiceResult<StaffInvitationSent>.NotFound();
        }

        if (await users.HasPasswordAsync(user))
        {
            return ServiceResult<StaffInvitationSent>.Invalid(InvitationField,
                "This account is already set up: its owner signs in with their own password, so it needs no invitation.");
        }

        if (!email.CanDeliver)
        {
            return NoEmailService();
        }

        return ServiceResult<StaffInvitationSent>.Ok(await SendLinkAsync(user, adminId, acceptPageUrl, replacedEarlierLink: true, ct));
    }

    /// <summary>
    /// The account a link belongs to while the link works; "not found" when it is garbled, expired, already used or
    /// replaced by a newer one. Needs no sign-in.
    /// </summary>
    public async Task<ServiceResult<InvitationAccount>> FindAsync(string? userId, string? code)
    {
        var user = await UserForLinkAsync(userId, code);
        return user is null
            ? ServiceResult<InvitationAccount>.NotFound()
            : ServiceResult<InvitationAccount>.Ok(new InvitationAccount(user.Id, user.Email ?? ""));
    }

    /// <summary>
    /// Sets the invitee's password (the same rules as registration) and so activates the account: the email counts as
    /// confirmed, and the link stops working. "Not found" for a link that doesn't work; a refused password changes nothing
    /// and leaves the link working.
    /// </summary>
    public async Task<ServiceResult<InvitationAccount>> AcceptAsync(string? userId, string? code, string? password, CancellationToken ct = default)
    {
        if (await UserForLinkAsync(userId, code) is not { } user)
        {
            return ServiceResult<InvitationAccount>.NotFound();
        }

        if (string.IsNullOrEmpty(password))
        {
            return ServiceResult<InvitationAccount>.Invalid(PasswordField, "Password: choose a password of at least 12 characters.");
        }

        var added = await users.AddPasswordAsync(user, password);
        if (!added.Succeeded)
        {
            // Someone used the same link a moment earlier.
            if (added.Errors.Any(e => e.Code is nameof(IdentityErrorDescriber.UserAlreadyHasPassword) or nameof(IdentityErrorDescriber.ConcurrencyFailure)))
            {
                return ServiceResult<InvitationAccount>.NotFound();
            }

            return ServiceResult<InvitationAccount>.Invalid(PasswordField, "Password: " + string.Join(" ", added.Errors.Select(e => e.Description)));
        }

        user.EmailConfirmed = true;
        await users.RemoveAuthenticationTokenAsync(user, RecordProvider, SentAtRecordName);
        var role = (await users.GetRolesAsync(user)).Order(StringComparer.Ordinal).FirstOrDefault() ?? "none";
        await audit.WriteAsync(new AuditEntry(user.Id, role, "staff.invitation-accepted", user.Id, "account", "success"), ct);
        logger.LogInformation("Staff invitation accepted by user {UserId}", user.Id);
        return ServiceResult<InvitationAccount>.Ok(new InvitationAccount(user.Id, user.Email ?? ""));
    }

    /// <summary>The open invitation of an account (invited, no password yet), or null.</summary>
    public static async Task<PendingInvitation?> PendingAsync(UserManager<ApplicationUser> users, ApplicationUser user, TimeSpan linkLifetime, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(user);
        if (user.PasswordHash is not null)
        {
            return null;
        }

        var sent = await users.GetAuthenticationTokenAsync(user, RecordProvider, SentAtRecordName);
        if (!DateTime.TryParse(sent, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var sentAtUtc))
        {
            return null;
        }

        var expiresAtUtc = DateTime.SpecifyKind(sentAtUtc + linkLifetime, DateTimeKind.Utc);
        return new PendingInvitation(DateTime.SpecifyKind(sentAtUtc, DateTimeKind.Utc), expiresAtUtc, expiresAtUtc < now.UtcDateTime);
    }

    private async Task<StaffInvitationSent> SendLinkAsync(ApplicationUser user, string adminId, string acceptPageUrl, bool replacedEarlierLink, CancellationToken ct)
    {
        // A new stamp first: any earlier link for this account stops working.
        await users.UpdateSecurityStampAsync(user);
        var sentAt = time.GetUtcNow().UtcDateTime;
        var token = await users.GenerateUserTokenAsync(user, StaffInvitationTokenProviderOptions.ProviderName, TokenPurpose);
        await users.SetAuthenticationTokenAsync(user, RecordProvider, SentAtRecordName, sentAt.ToString("O", CultureInfo.InvariantCulture));

        var link = QueryHelpers.AddQueryString(acceptPageUrl, new Dictionary<string, string?>
        {
            ["userId"] = user.Id,
            ["code"] = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token)),
        });
        var expiresAt = sentAt + tokenOptions.Value.TokenLifespan;
        var outcome = await email.SendStaffInvitationAsync(user, user.Email ?? "", link, expiresAt, ct);

        var delivered = outcome is EmailOutcome.Sent or EmailOutcome.Logged;
        await audit.WriteAsync(new AuditEntry(adminId, Roles.Admin, "staff.invited", user.Id, "account", delivered ? "success" : "email-not-sent"), ct);
        logger.LogInformation("Staff invitation for user {UserId} made by admin {ActorId}; email: {EmailOutcome}", user.Id, adminId, outcome);
        return new StaffInvitationSent(user.Id, expiresAt, outcome, replacedEarlierLink);
    }

    private async Task<ApplicationUser?> UserForLinkAsync(string? userId, string? code)
    {
        if (string.IsNullOrWhiteSpace(userId) || string.IsNullOrWhiteSpace(code) || userId.Length > 450 || code.Length > 4096)
        {
            return null;
        }

        string token;
        try
        {
            token = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            return null;
        }

        if (await users.FindByIdAsync(userId) is not { } user || await users.HasPasswordAsync(user))
        {
            return null;
        }

        return await users.VerifyUserTokenAsync(user, StaffInvitationTokenProviderOptions.ProviderName, TokenPurpose, token) ? user : null;
    }

    private static List<FieldError> Validate(string? address, List<string> roles, string? name)
    {
        var errors = new List<FieldError>();
        if (EmailAddresses.Clean(address).Length == 0)
        {
            errors.Add(new FieldError(EmailField, "Email: enter the staff member's email address."));
        }
        else if (EmailAddresses.Problem(address) is { } problem)
        {
            errors.Add(new FieldError(EmailField, "Email: " + problem));
        }

        if (roles.Count == 0)
        {
            errors.Add(new FieldError(RolesField, "Roles: choose at least one: Midwife, Editor, Clinical approver or Admin."));
        }
        else if (roles.Any(r => !StaffRoles.Contains(r, StringComparer.Ordinal)))
        {
            errors.Add(new FieldError(RolesField, "Roles: staff can only be invited as Midwife, Editor, Clinical approver or Admin. Patients create their own accounts."));
        }

        if (TextInput.IsBlank(name))
        {
            errors.Add(new FieldError(StaffNameField, "Name as patients and readers see it: enter a name, for example \"Sam Smith, community midwife\"."));
        }
        else if (StaffNames.Problem(name) is { } nameProblem)
        {
            errors.Add(new FieldError(StaffNameField, "Name as patients and readers see it: " + nameProblem));
        }

        return errors;
    }

    private static ServiceResult<StaffInvitationSent> NoEmailService() =>
        ServiceResult<StaffInvitationSent>.Invalid(InvitationField,
            "Invitations can't be sent: this service has no email set up. Ask the team that runs it to fill in the Email settings (see the operations guide).");

    private async Task<string?> AdminIdAsync(CancellationToken ct)
    {
        var caller = await currentUser.GetAsync(ct);
        return caller.UserId is not null && caller.IsInRole(Roles.Admin) ? caller.UserId : null;
    }
}
