using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using LegCrampCare.Core.Abstractions;
using LegCrampCare.Core.Common;
using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;
using LegCrampCare.Core.Features.Episodes;
using LegCrampCare.Core.Features.Guidance;
using LegCrampCare.Core.Features.Profile;
using LegCrampCare.Core.Features.Review;
using LegCrampCare.Core.Features.Sharing;
using LegCrampCare.Infrastructure.Identity;
using LegCrampCare.Infrastructure.Persistence;
using LegCrampCare.Tests.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LegCrampCare.Web.Tests.Functional;

/// <summary>
/// Issue 12: the corpus of hostile strings (<see cref="HostileStrings"/>: controls, direction overrides, zero-width
/// characters, broken surrogates, 100 KB strings, homoglyph emails) through every write path of the running app, on its
/// real database: the services the live pages call (her profile, a cramp's notes, the midwife's note, sharing by email,
/// a share code, every guidance field, the approver's comment, staff names and invitations) and the server-rendered
/// forms over HTTP (registration, staff invitation, staff name). Each attempt gets a message naming its field, never an
/// error page (no 5xx, no exception), and nothing stored changes.
/// </summary>
public sealed partial class HostileInputTests(HostileInputTests.Fixture fixture) : IClassFixture<HostileInputTests.Fixture>
{
    private const string Password = "quiet night leg stretch";

    public sealed class Fixture : TestAppFactory, IAsyncLifetime
    {
        public Fixture()
        {
            Emails = new CapturingEmailTransport();

            // Every string of the corpus is posted from one address; the limit itself is RateLimitTests' subject.
            Settings["RateLimits:AccountPostsPerMinute"] = "100000";
        }

        public Dictionary<string, (string Id, string Email, string[] Roles)> Users { get; } = [];

        public Guid EpisodeId { get; private set; }

        public Guid FlagId { get; private set; }

        public Guid GrantId { get; private set; }

        public Guid ArticleId { get; private set; }

        public async Task InitializeAsync()
        {
            Users["patient"] = await CreateUserAsync("patient", Roles.Patient);
            Users["midwife"] = await CreateUserAsync("midwife", Roles.Midwife);
            Users["editor"] = await CreateUserAsync("editor", Roles.Editor);
            Users["approver"] = await CreateUserAsync("approver", Roles.Editor, Roles.ClinicalApprover);
            Users["admin"] = await CreateUserAsync("admin", Roles.Admin);

            await using var scope = Services.CreateAsyncScope();
            var sp = scope.ServiceProvider;
            var saved = await Service<ProfileService>(sp, "patient").SaveAsync(ValidProfile());
            Assert.True(saved.IsOk, string.Join(" ", saved.Errors.Select(e => e.Message)));

            var episodes = Service<EpisodeService>(sp, "patient");
            var logged = await episodes.QuickLogAsync(new QuickLogRequest { EpisodeId = Guid.NewGuid(), Side = Side.Left, When = QuickLogTime.Now });
            Assert.True(logged.IsOk);
            EpisodeId = logged.Value!.Id;
            var details = logged.Value.Details with { Notes = "Woke at three.", Answers = logged.Value.Details.Answers with { ChestPain = Answer.Yes } };
            var flagged = await episodes.UpdateAsync(new UpdateEpisodeRequest(EpisodeId, details));
            Assert.True(flagged.IsOk, string.Join(" ", flagged.Errors.Select(e => e.Message)));
            FlagId = flagged.Value!.Assessment!.Id;

            var code = (await Service<SharingService>(sp, "patient").CreateCodeAsync()).Value!.Code;
            GrantId = (await Service<SharingService>(sp, "midwife").RedeemAsync(code)).Value!.Id;

            var editor = Service<GuidanceEditorService>(sp, "editor");
            var article = await editor.SaveDraftAsync(ValidDraft());
            Assert.True(article.IsOk, string.Join(" ", article.Errors.Select(e => e.Message)));
            ArticleId = article.Value!.ArticleId;
            Assert.True((await editor.SubmitAsync(ArticleId, article.Value.Version)).IsOk);
        }

        Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;

        public T Service<T>(IServiceProvider sp, string caller)
            where T : class
        {
            var (id, _, roles) = Users[caller];
            var user = (ICurrentUser)new FixedUser(new CurrentUserInfo(id, roles.ToHashSet()));
            return typeof(T) == typeof(PatientLogService)
                ? (T)(object)ActivatorUtilities.CreateInstance<PatientLogService>(sp, (ISharingService)ActivatorUtilities.CreateInstance<SharingService>(sp, user))
                : ActivatorUtilities.CreateInstance<T>(sp, user);
        }

        private async Task<(string, string, string[])> CreateUserAsync(string name, params string[] roles)
        {
            await using var scope = Services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var email = $"{name}-{Guid.NewGuid():N}@example.org";
            var user = new ApplicationUser
            {
                UserName = email, Email = email, EmailConfirmed = true, CreatedAtUtc = DateTime.UtcNow, StaffName = roles[0] == Roles.Patient ? null : "Sam " + name,
                HealthDataConsentAtUtc = roles[0] == Roles.Patient ? DateTime.UtcNow : null,
            };
            Assert.True((await users.CreateAsync(user, Password)).Succeeded);
            Assert.True((await users.AddToRolesAsync(user, roles)).Succeeded);
            return (user.Id, email, roles);
        }

        private sealed class FixedUser(CurrentUserInfo user) : ICurrentUser
        {
            public Task<CurrentUserInfo> GetAsync(CancellationToken ct = default) => Task.FromResult(user);
        }
    }

    private static SaveProfileRequest ValidProfile() => new()
    {
        DisplayName = "Anna Smith",
        DateOfBirth = new DateOnly(1992, 3, 4),
        DueDate = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(60),
        TimeZoneId = "Europe/London",
    };

    private static GuidanceDraft ValidDraft() => new()
    {
        Title = "Wall calf stretch " + Guid.NewGuid().ToString("N")[..6],
        Slug = "wall-calf-stretch-" + Guid.NewGuid().ToString("N")[..6],
        Summary = "A stretch to do before bed.",
        Topic = GuidanceService.Topics[0],
        BodyMarkdown = "## Steps\n\n1. Face a wall.",
        Sources = [new GuidanceSource("NHS: Leg cramps", "https://www.nhs.uk/conditions/leg-cramps/")],
        ReviewIntervalMonths = 12,
        ChangeSummary = "First version.",
    };

    /// <summary>Runs every string through one write path and lists what went wrong (an exception, no field message).</summary>
    private static async Task<List<string>> EachAsync(IEnumerable<(string Label, string Value)> corpus, Func<string, Task<string?>> attempt)
    {
        var failures = new List<string>();
        foreach (var (label, value) in corpus)
        {
            try
            {
                if (await attempt(value) is { } failure)
                {
                    failures.Add($"{label}: {failure}");
                }
            }
#pragma warning disable CA1031 // An exception is what the test is looking for: it would be a 500 on the page.
            catch (Exception e)
#pragma warning restore CA1031
            {
                failures.Add($"{label}: threw {e.GetType().Name}: {e.Message}");
            }
        }

        return failures;
    }

    /// <summary>Null when the result is "invalid" with a message for <paramref name="field"/> that starts with its label.</summary>
    private static string? Refused<T>(ServiceResult<T> result, string field, string label) =>
        result.Status != ResultStatus.Invalid ? $"answered {result.Status}"
        : result.ErrorFor(field) is not { } message ? $"no message for {field} ({string.Join(" | ", result.Errors.Select(e => e.Field + ": " + e.Message))})"
        : !message.StartsWith(label, StringComparison.Ordinal) ? $"message does not name the field: {message}"
        : null;

    private static void AssertNone(List<string> failures) => Assert.True(failures.Count == 0, string.Join("\n", failures.Take(20)));

    private async Task<string> SnapshotAsync<TEntity>(Func<AppDbContext, IQueryable<TEntity>> query)
        where TEntity : class
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return System.Text.Json.JsonSerializer.Serialize(await query(db).AsNoTracking().ToListAsync());
    }

    public static TheoryData<string> ProfileFields => [nameof(SaveProfileRequest.DisplayName), nameof(SaveProfileRequest.HospitalNumber), nameof(SaveProfileRequest.MaternityPhone), nameof(SaveProfileRequest.TimeZoneId)];

    [Theory]
    [MemberData(nameof(ProfileFields))]
    public async Task Profile_HostileText_RefusedNamingTheFieldAndNothingStored(string field)
    {
        var labels = new Dictionary<string, string>
        {
            [nameof(SaveProfileRequest.DisplayName)] = "Your name",
            [nameof(SaveProfileRequest.HospitalNumber)] = "Hospital or NHS number",
            [nameof(SaveProfileRequest.MaternityPhone)] = "Maternity triage phone number",
            [nameof(SaveProfileRequest.TimeZoneId)] = "Time zone:",
        };
        var before = await SnapshotAsync(db => db.Set<PregnancyProfile>());
        await using var scope = fixture.Services.CreateAsyncScope();
        var profiles = fixture.Service<ProfileService>(scope.ServiceProvider, "patient");

        var failures = await EachAsync(HostileStrings.Text, async value =>
        {
            var request = ValidProfile();
            typeof(SaveProfileRequest).GetProperty(field)!.SetValue(request, value);
            return Refused(await profiles.SaveAsync(request), field, labels[field]);
        });

        AssertNone(failures);
        Assert.Equal(before, await SnapshotAsync(db => db.Set<PregnancyProfile>()));
    }

    [Fact]
    public async Task CrampNotes_HostileText_RefusedNamingTheFieldAndNothingStored()
    {
        var before = await SnapshotAsync(db => db.Set<Episode>());
        var assessments = await SnapshotAsync(db => db.Set<Assessment>());
        await using var scope = fixture.Services.CreateAsyncScope();
        var episodes = fixture.Service<EpisodeService>(scope.ServiceProvider, "patient");
        var current = (await episodes.GetAsync(fixture.EpisodeId)).Value!.Details;

        var failures = await EachAsync(HostileStrings.Text, async value =>
            Refused(await episodes.UpdateAsync(new UpdateEpisodeRequest(fixture.EpisodeId, current with { Notes = value })), nameof(EpisodeDetails.Notes), "Notes:"));

        AssertNone(failures);
        Assert.Equal(before, await SnapshotAsync(db => db.Set<Episode>()));
        Assert.Equal(assessments, await SnapshotAsync(db => db.Set<Assessment>()));
    }

    [Fact]
    public async Task MidwifeNote_HostileText_RefusedNamingTheFieldAndNothingStored()
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        var logs = fixture.Service<PatientLogService>(scope.ServiceProvider, "midwife");

        var failures = await EachAsync(HostileStrings.Text, async value =>
            Refused(await logs.AcknowledgeAsync(fixture.GrantId, fixture.FlagId, value), nameof(AcknowledgeFlagRequest.Note), "Note:"));

        AssertNone(failures);
        Assert.Equal("[]", await SnapshotAsync(db => db.Set<FlagReview>()));
    }

    [Fact]
    public async Task SharingByEmail_HostileAddress_RefusedNamingTheFieldAndNothingStored()
    {
        var before = await SnapshotAsync(db => db.Set<CareGrant>());
        await using var scope = fixture.Services.CreateAsyncScope();
        var sharing = fixture.Service<SharingService>(scope.ServiceProvider, "patient");

        var failures = await EachAsync([.. HostileStrings.Emails, .. HostileStrings.Text], async value =>
            Refused(await sharing.ShareWithEmailAsync(value), "Email", "Midwife's email:"));

        AssertNone(failures);
        Assert.Equal(before, await SnapshotAsync(db => db.Set<CareGrant>()));
    }

    [Fact]
    public async Task ShareCode_HostileText_RefusedWithAMessageAndNothingStored()
    {
        var before = await SnapshotAsync(db => db.Set<CareGrant>());
        await using var scope = fixture.Services.CreateAsyncScope();
        var sharing = fixture.Service<SharingService>(scope.ServiceProvider, "midwife");

        var failures = await EachAsync(HostileStrings.Text, async value =>
        {
            var result = await sharing.RedeemAsync(value);
            return result.Status == ResultStatus.Invalid && result.Errors.Count > 0 && result.Errors.All(e => e.Message.Length > 0) ? null : $"answered {result.Status}";
        });

        AssertNone(failures);
        Assert.Equal(before, await SnapshotAsync(db => db.Set<CareGrant>()));
    }

    public static TheoryData<string> GuidanceFields =>
        ["Title", "Slug", "Summary", "BodyMarkdown", "ChangeSummary", "SourceTitle", "SourceUrl"];

    [Theory]
    [MemberData(nameof(GuidanceFields))]
    public async Task GuidanceDraft_HostileText_RefusedNamingTheFieldAndNothingStored(string field)
    {
        var before = await SnapshotAsync(db => db.Set<GuidanceRevision>());
        await using var scope = fixture.Services.CreateAsyncScope();
        var editor = fixture.Service<GuidanceEditorService>(scope.ServiceProvider, "editor");
        var (property, label) = field switch
        {
            "Title" => ("Title", "Title:"),
            "Slug" => ("Slug", "Web address:"),
            "Summary" => ("Summary", "Summary:"),
            "BodyMarkdown" => ("BodyMarkdown", "Text:"),
            "ChangeSummary" => ("ChangeSummary", "What changed:"),
            "SourceTitle" => ("Sources[0].Title", "Sources:"),
            _ => ("Sources[0].Url", "Sources:"),
        };

        var failures = await EachAsync(HostileStrings.Text, async value =>
        {
            var draft = ValidDraft();
            switch (field)
            {
                case "SourceTitle": draft.Sources = [new GuidanceSource(value, "https://www.nhs.uk/")]; break;
                case "SourceUrl": draft.Sources = [new GuidanceSource("NHS", value)]; break;
                default: typeof(GuidanceDraft).GetProperty(field)!.SetValue(draft, value); break;
            }

            return Refused(await editor.SaveDraftAsync(draft), property, label);
        });

        AssertNone(failures);
        Assert.Equal(before, await SnapshotAsync(db => db.Set<GuidanceRevision>()));
    }

    [Fact]
    public async Task ApproverComment_HostileText_RefusedNamingTheFieldAndNothingStored()
    {
        var before = await SnapshotAsync(db => db.Set<GuidanceRevision>());
        await using var scope = fixture.Services.CreateAsyncScope();
        var approver = fixture.Service<GuidanceEditorService>(scope.ServiceProvider, "approver");
        var version = (await approver.GetAsync(fixture.ArticleId)).Value!.Version;

        var failures = await EachAsync(HostileStrings.Text, async value =>
            Refused(await approver.ReturnAsync(fixture.ArticleId, version, value), GuidanceEditorService.ReturnCommentField, "What needs to change:"));

        AssertNone(failures);
        Assert.Equal(before, await SnapshotAsync(db => db.Set<GuidanceRevision>()));
    }

    [Fact]
    public async Task StaffName_HostileText_RefusedNamingTheFieldAndNothingStored()
    {
        var before = await SnapshotAsync(db => db.Users.OrderBy(u => u.Id).Select(u => new { u.Id, u.StaffName, u.ConcurrencyStamp }));
        await using var scope = fixture.Services.CreateAsyncScope();
        var administration = fixture.Service<UserAdministration>(scope.ServiceProvider, "admin");

        var failures = await EachAsync(HostileStrings.Text, async value =>
            Refused(await administration.SetStaffNameAsync(fixture.Users["midwife"].Id, value), nameof(UserSummary.StaffName), "Name for approved guidance:"));

        AssertNone(failures);
        Assert.Equal(before, await SnapshotAsync(db => db.Users.OrderBy(u => u.Id).Select(u => new { u.Id, u.StaffName, u.ConcurrencyStamp })));
    }

    [Fact]
    public async Task StaffInvitation_HostileEmailOrName_RefusedNamingTheFieldAndNothingStored()
    {
        var before = await SnapshotAsync(db => db.Users.OrderBy(u => u.Id));
        await using var scope = fixture.Services.CreateAsyncScope();
        var invitations = fixture.Service<StaffInvitations>(scope.ServiceProvider, "admin");

        var failures = await EachAsync([.. HostileStrings.Emails, .. HostileStrings.Text], async value =>
            Refused(await invitations.InviteAsync(new InviteStaffRequest(value, [Roles.Midwife], "Sam Smith, midwife"), "http://localhost/Account/AcceptInvitation"),
                StaffInvitations.EmailField, "Email:"));
        failures.AddRange(await EachAsync(HostileStrings.Text, async value =>
            Refused(await invitations.InviteAsync(new InviteStaffRequest($"new-{Guid.NewGuid():N}@example.org", [Roles.Midwife], value), "http://localhost/Account/AcceptInvitation"),
                StaffInvitations.StaffNameField, "Name as patients and readers see it:")));

        AssertNone(failures);
        Assert.Equal(before, await SnapshotAsync(db => db.Users.OrderBy(u => u.Id)));
    }

    [Fact]
    public async Task Registration_HostileEmail_OverHttp_NoServerErrorAMessageForTheEmailAndNoAccount()
    {
        var before = await SnapshotAsync(db => db.Users.OrderBy(u => u.Id));
        using var client = fixture.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var failures = await EachAsync([.. HostileStrings.Emails, .. HostileStrings.Text], async value =>
        {
            var response = await PostRawAsync(client, "/Account/Register", "register",
                ("Input.Email", value), ("Input.Password", Password), ("Input.ConfirmPassword", Password), ("Input.ConsentToHealthData", "true"));
            var html = await response.Content.ReadAsStringAsync();
            return Problem(response.StatusCode, WebUtility.HtmlDecode(html), "Email: ") is { } problem &&
                   Problem(response.StatusCode, WebUtility.HtmlDecode(html), "Enter your email address.") is not null
                ? problem
                : null;
        });

        AssertNone(failures);
        Assert.Equal(before, await SnapshotAsync(db => db.Users.OrderBy(u => u.Id)));
    }

    [Fact]
    public async Task Registration_AnEmailWithAnApostropheAndAPlus_CreatesTheAccount()
    {
        using var client = fixture.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var email = $"siobhan.o'neill+{Guid.NewGuid():N}@nhs.example.org";

        var response = await PostRawAsync(client, "/Account/Register", "register",
            ("Input.Email", email), ("Input.Password", Password), ("Input.ConfirmPassword", Password), ("Input.ConsentToHealthData", "true"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var scope = fixture.Services.CreateAsyncScope();
        Assert.NotNull(await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email));
    }

    [Fact]
    public async Task AdminForms_HostileText_OverHttp_NoServerErrorAMessageForTheFieldAndNothingStored()
    {
        using var admin = fixture.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await HtmlForms.SignInAsync(admin, fixture.Users["admin"].Email, Password);
        var users = await SnapshotAsync(db => db.Users.OrderBy(u => u.Id).Select(u => new { u.Id, u.StaffName, u.ConcurrencyStamp }));
        var midwifePage = $"/admin/users/{fixture.Users["midwife"].Id}";

        var failures = await EachAsync(HostileStrings.Text, async value =>
        {
            var named = await PostRawAsync(admin, midwifePage, "staff-name", ("StaffName", value));
            var invited = await PostRawAsync(admin, "/admin/invite", "invite", ("Email", $"new-{Guid.NewGuid():N}@example.org"), ("Roles", Roles.Midwife), ("StaffName", value));
            var byEmail = await PostRawAsync(admin, "/admin/invite", "invite", ("Email", value), ("Roles", Roles.Midwife), ("StaffName", "Sam Smith, midwife"));
            foreach (var (response, message, unreadable) in new[]
                     {
                         (named, "Name for approved guidance: ", "Name: "), (invited, "Name as patients and readers see it: ", "Name: "), (byEmail, "Email: ", "Email: "),
                     })
            {
                var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
                if (Problem(response.StatusCode, html, response.StatusCode == HttpStatusCode.BadRequest ? unreadable : message) is { } problem)
                {
                    return problem;
                }
            }

            return null;
        });

        AssertNone(failures);
        Assert.Equal(users, await SnapshotAsync(db => db.Users.OrderBy(u => u.Id).Select(u => new { u.Id, u.StaffName, u.ConcurrencyStamp })));
    }

    /// <summary>
    /// Null when the page answered with <paramref name="message"/>: the page itself (200), or, for a value the framework
    /// can't decode (a null character), the "form couldn't be read" page (400) naming the field. Never a 5xx.
    /// </summary>
    private static string? Problem(HttpStatusCode status, string html, string message) =>
        status is not (HttpStatusCode.OK or HttpStatusCode.BadRequest) ? $"answered {(int)status}"
        : status == HttpStatusCode.BadRequest && !html.Contains("The form couldn't be read", StringComparison.Ordinal) ? "a bare 400"
        : !html.Contains(message, StringComparison.Ordinal) ? $"no \"{message}\" message {html[..Math.Min(700, html.Length)]}"
        : null;

    /// <summary>
    /// Posts a server-rendered form with its values encoded as a browser would (UTF-8, with a broken character sent as
    /// U+FFFD), which <see cref="FormUrlEncodedContent"/> can't do for every string of the corpus.
    /// </summary>
    private static async Task<HttpResponseMessage> PostRawAsync(HttpClient client, string path, string formName, params (string Name, string Value)[] fields)
    {
        var page = await client.GetStringAsync(new Uri(path, UriKind.Relative));
        var token = TokenPattern().Match(page);
        Assert.True(token.Success, $"{path} has no anti-forgery token.");
        var body = new StringBuilder();
        foreach (var (name, value) in fields.Append(("_handler", formName)).Append(("__RequestVerificationToken", WebUtility.HtmlDecode(token.Groups[1].Value))))
        {
            body.Append(body.Length == 0 ? "" : "&").Append(Encode(name)).Append('=').Append(Encode(value));
        }

        using var content = new StringContent(body.ToString(), Encoding.UTF8, "application/x-www-form-urlencoded");
        return await client.PostAsync(new Uri(path, UriKind.Relative), content);
    }

    private static string Encode(string value)
    {
        var encoded = new StringBuilder();
        foreach (var b in new UTF8Encoding(false, false).GetBytes(value))
        {
            encoded.Append(b is >= (byte)'a' and <= (byte)'z' or >= (byte)'A' and <= (byte)'Z' or >= (byte)'0' and <= (byte)'9' ? ((char)b).ToString() : $"%{b:X2}");
        }

        return encoded.ToString();
    }

    [GeneratedRegex("<input[^>]*name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
