using LegCrampCare.Core.Abstractions;
using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;
using LegCrampCare.Infrastructure.Tests.Review;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace LegCrampCare.Infrastructure.Tests.Persistence;

/// <summary>
/// EpisodeClientIds gives every cramp logged before it its own id as client id (unique per patient), so a patient with
/// many cramps upgrades, a retry of an old live-page log still finds its cramp, and the API's first log of a new client
/// id is stored.
/// </summary>
public sealed class EpisodeClientIdsMigrationTests
{
    private const string LastMigrationBefore = "20261207160133_RestoreFlagReviewTrigger";

    [Fact]
    public async Task Upgrade_EveryOldCrampGetsItsIdAsClientId()
    {
        await using var database = TestDatabase.Create();
        Directory.CreateDirectory(database.Folder);
        await using (var db = await database.Contexts.CreateDbContextAsync())
        {
            await db.GetService<IMigrator>().MigrateAsync(LastMigrationBefore);
        }

        await using (var scope = database.Services.CreateAsyncScope())
        {
            Assert.True((await scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>().CreateAsync(new IdentityRole(Roles.Patient))).Succeeded);
        }

        var patient = await database.CreateUserAsync(Roles.Patient);
        var old = Enumerable.Range(0, 3).Select(i => ReviewData.NewEpisode(patient, new DateTime(2026, 6, 1 + i, 22, 0, 0, DateTimeKind.Utc))).ToList();
        await using (var db = await database.Contexts.CreateDbContextAsync())
        {
            foreach (var episode in old)
            {
                await OldSchemaRows.InsertEpisodeAsync(db, episode);
            }
        }

        await database.InitializeAsync();

        var store = database.Services.GetRequiredService<IEpisodeStore>();
        foreach (var episode in old)
        {
            var found = await store.FindByClientIdAsync(patient, episode.Id, CancellationToken.None);
            Assert.Equal(episode.Id, found?.Id);
        }

        var next = ReviewData.NewEpisode(patient, new DateTime(2026, 6, 9, 22, 0, 0, DateTimeKind.Utc));
        next.ClientId = Guid.NewGuid();
        var (stored, created) = await store.AddIfAbsentAsync(next, ReviewData.NewAssessment(next, Rules.TriageLevel.None, next.StartedAtUtc), CancellationToken.None);
        Assert.True(created);
        Assert.Equal(next.ClientId, stored.ClientId);
    }
}
