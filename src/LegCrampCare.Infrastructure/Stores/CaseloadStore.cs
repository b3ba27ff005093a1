using System.Data.Common;
using LegCrampCare.Core.Abstractions;
using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;
using LegCrampCare.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace LegCrampCare.Infrastructure.Stores;

/// <summary>
/// The caseload in one query over summaries kept current on write: the midwife's unrevoked grants (index MidwifeId,
/// RevokedAtUtc) joined to each patient's profile and activity row (primary keys). It never reads the episodes, and
/// counts nights from the activity row's night mask, not from rows.
/// </summary>
/// <remarks>
/// The query is plain SQL through the context's connection (so the durability settings apply) and the columns are read
/// by position, dates parsed by <see cref="ColumnReader"/>: at 1,000 patients, EF Core's general materializer and the
/// general date parsers cost several times more than the query itself (measured with tests/LegCrampCare.Benchmarks).
/// The SQL is standard (quoted names, one parameter), as a PostgreSQL provider needs it.
/// </remarks>
public sealed class CaseloadStore(IDbContextFactory<AppDbContext> contexts) : ICaseloadStore
{
    /// <summary>The caseload query (public for the query-plan test and the benchmark). Parameter: @midwifeId.</summary>
    public const string CandidatesSql = """
        SELECT "c"."Id", "c"."PatientId", "c"."CoversFrom",
               "p"."DisplayName", "p"."DueDate", "p"."BirthDate", "p"."PregnancyEndedOn", "p"."TimeZoneId",
               "a"."PatientId", "a"."LastEpisodeAtUtc", "a"."UnreviewedRoutine", "a"."UnreviewedUrgent", "a"."UnreviewedEmergency",
               "a"."OldestAtHighestUtc", "a"."LatestNight", "a"."RecentNights", "c"."CreatedAtUtc"
        FROM "CareGrants" AS "c"
        INNER JOIN "PregnancyProfiles" AS "p" ON "p"."UserId" = "c"."PatientId"
        LEFT JOIN "PatientActivity" AS "a" ON "a"."PatientId" = "c"."PatientId"
        WHERE "c"."MidwifeId" = @midwifeId AND "c"."RevokedAtUtc" IS NULL
        ORDER BY "c"."PatientId", "c"."CreatedAtUtc" DESC
        """;

    public async Task<IReadOnlyList<CaseloadCandidate>> ListCandidatesAsync(string midwifeId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await db.Database.OpenConnectionAsync(ct);
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = CandidatesSql;
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@midwifeId";
        parameter.Value = midwifeId;
        command.Parameters.Add(parameter);

        // One row per patient: rows come by patient, her newest grant first (she may have shared twice).
        var result = new List<CaseloadCandidate>();
        string? previous = null;
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var patientId = reader.GetString(1);
            if (patientId != previous)
            {
                result.Add(Read(reader, midwifeId, patientId));
                previous = patientId;
            }
        }

        return result;
    }

    private static CaseloadCandidate Read(DbDataReader reader, string midwifeId, string patientId)
    {
        var grant = new CareGrant
        {
            Id = reader.GetGuid(0),
            PatientId = patientId,
            MidwifeId = midwifeId,
            CoversFrom = ColumnReader.Date(reader, 2),
            CreatedAtUtc = ColumnReader.Instant(reader, 16),
        };
        var profile = new PregnancyProfile
        {
            UserId = patientId,
            DisplayName = reader.GetString(3),
            DueDate = ColumnReader.DateOrNull(reader, 4),
            BirthDate = ColumnReader.DateOrNull(reader, 5),
            PregnancyEndedOn = ColumnReader.DateOrNull(reader, 6),
            TimeZoneId = reader.GetString(7),
        };
        var activity = reader.IsDBNull(8)
            ? null
            : new PatientActivitySummary(
                ColumnReader.InstantOrNull(reader, 9),
                reader.GetInt32(10),
                reader.GetInt32(11),
                reader.GetInt32(12),
                ColumnReader.InstantOrNull(reader, 13),
                ColumnReader.DateOrNull(reader, 14),
                reader.GetInt64(15));
        return new CaseloadCandidate(grant, profile, activity);
    }
}
