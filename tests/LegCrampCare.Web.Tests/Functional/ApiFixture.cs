using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using LegCrampCare.Core.Abstractions;
using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;
using LegCrampCare.Infrastructure.Identity;
using LegCrampCare.Infrastructure.Persistence;
using LegCrampCare.Tests.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LegCrampCare.Web.Tests.Functional;

/// <summary>
/// The real app on real Kestrel (loopback), with one account for each kind of caller: two patients with profiles, a
/// midwife, an editor and an admin. Clients sign in through the sign-in page and keep the cookie.
/// </summary>
public class ApiFixture : TestAppFactory, IAsyncLifetime
{
    public const string Password = "quiet night leg stretch";

    public string Canary { get; } = "Canary" + Guid.NewGuid().ToString("N")[..10];

    public Dictionary<string, (string Id, string Email)> Users { get; } = [];

    public virtual async Task InitializeAsync()
    {
        UseKestrel(0);
        StartServer();
        foreach (var (name, role) in new[] { ("patient-a", Roles.Patient), ("patient-b", Roles.Patient), ("midwife", Roles.Midwife), ("editor", Roles.Editor), ("admin", Roles.Admin) })
        {
            Users[name] = await CreateUserAsync(this, name, role, Canary);
        }
    }

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    public static async Task<(string Id, string Email)> CreateUserAsync(TestAppFactory app, string name, string role, string canary)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var email = $"{name}-{canary}@example.org".ToLowerInvariant();
        var user = new ApplicationUser
        {
            UserName = email, Email = email, EmailConfirmed = true, CreatedAtUtc = DateTime.UtcNow,
            HealthDataConsentAtUtc = role == Roles.Patient ? DateTime.UtcNow : null, StaffName = role == Roles.Patient ? null : "Staff " + name,
        };
        Assert.True((await users.CreateAsync(user, Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        if (role == Roles.Patient)
        {
            await scope.ServiceProvider.GetRequiredService<IProfileStore>().SaveAsync(new PregnancyProfile
            {
                UserId = user.Id, DisplayName = "Anna " + canary, DateOfBirth = new DateOnly(1990, 1, 1),
                DueDate = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(60), TimeZoneId = "Europe/London",
                CreatedAtUtc = DateTime.UtcNow, UpdatedAtUtc = DateTime.UtcNow,
            }, CancellationToken.None);
        }

        return (user.Id, email);
    }

    /// <summary>A client signed in as <paramref name="name"/> (or anonymous for null), with its antiforgery token.</summary>
    public async Task<ApiClient> ClientAsync(string? name) => await ApiClient.CreateAsync(ClientOptions.BaseAddress, name is null ? null : Users[name].Email);

    public async Task<(int Episodes, int Assessments)> CountRowsAsync()
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return (await db.Episodes.CountAsync(), await db.Assessments.CountAsync());
    }
}

/// <summary>An HTTP client of the API as a same-origin script uses it: the sign-in cookie and the antiforgery header.</summary>
public sealed class ApiClient : IDisposable
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private ApiClient(HttpClient http) => Http = http;

    public HttpClient Http { get; }

    public string? HeaderName { get; private set; }

    public string? Token { get; set; }

    public static async Task<ApiClient> CreateAsync(Uri baseAddress, string? email)
    {
        var handler = new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer(), UseCookies = true };
        var http = new HttpClient(handler) { BaseAddress = baseAddress };
        var client = new ApiClient(http);
        if (email is not null)
        {
            await HtmlForms.SignInAsync(http, email, ApiFixture.Password);
        }

        await client.RefreshTokenAsync();
        return client;
    }

    public async Task RefreshTokenAsync()
    {
        using var response = await Http.GetAsync(new Uri("/api/v1/antiforgery", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        HeaderName = body.GetProperty("headerName").GetString();
        Token = body.GetProperty("token").GetString();
    }

    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? json = null, string contentType = "application/json", bool withToken = true)
    {
        var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8);
            request.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
        }

        if (withToken && Token is not null && HeaderName is not null)
        {
            request.Headers.TryAddWithoutValidation(HeaderName, Token);
        }

        return Http.SendAsync(request);
    }

    public Task<HttpResponseMessage> PostAsync(string path, object body) => SendAsync(HttpMethod.Post, path, JsonSerializer.Serialize(body, Json));

    public void Dispose() => Http.Dispose();
}
