using System.Net;
using LegCrampCare.Core.Common;
using LegCrampCare.Core.Features.Profile;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace LegCrampCare.Web.Tests.Functional;

/// <summary>
/// An exception inside an API call is a 500 problem+json (no-store, nothing of the exception in it), never the HTML error
/// page the pages get; a page's exception still gets that page.
/// </summary>
public sealed class ApiServerErrorTests(ApiServerErrorTests.Fixture fixture) : IClassFixture<ApiServerErrorTests.Fixture>
{
    public const string Secret = "SecretFromTheException";

    public sealed class Fixture : ApiFixture
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddScoped<IProfileService, BrokenProfiles>());
        }
    }

    private sealed class BrokenProfiles : IProfileService
    {
        private static Task<ServiceResult<ProfileDto>> Fail() => throw new InvalidOperationException(Secret);

        public Task<ServiceResult<ProfileDto>> GetMineAsync(CancellationToken ct = default) => Fail();

        public Task<ServiceResult<ProfileDto>> SaveAsync(SaveProfileRequest request, CancellationToken ct = default) => Fail();

        public Task<ServiceResult<ProfileDto>> RecordBirthAsync(RecordBirthRequest request, CancellationToken ct = default) => Fail();

        public Task<ServiceResult<ProfileDto>> BabyNotArrivedYetAsync(CancellationToken ct = default) => Fail();

        public Task<ServiceResult<ProfileDto>> EndPregnancyAsync(bool deleteLog, CancellationToken ct = default) => Fail();

        public Task<ServiceResult<ProfileDto>> SetThemeAsync(Core.Domain.ThemePreference theme, CancellationToken ct = default) => Fail();
    }

    [Fact]
    public async Task AnExceptionInAnApiCall_IsA500Problem_WithNothingOfTheException()
    {
        using var client = await fixture.ClientAsync("patient-a");
        using var response = await client.SendAsync(HttpMethod.Get, "/api/v1/me/profile");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(Secret, body, StringComparison.Ordinal);
        Assert.DoesNotContain("<html", body, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("clientId", body, StringComparison.Ordinal); // what to do: send it again, it is never saved twice
    }
}
