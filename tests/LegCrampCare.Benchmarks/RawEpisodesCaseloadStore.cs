using System.Globalization;
using System.Text.Json;
using LegCrampCare.Core.Abstractions;
using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;
using LegCrampCare.Core.Features.Review;
using Microsoft.Data.Sqlite;

namespace LegCrampCare.Benchmarks;

/// <summary>
/// The baseline: the same caseload answer computed on every call from the raw rows of each patient's current pregnancy
/// (nights from her due date, else birth date, − 280 days), as it would be without the summaries: the latest episode with MAX over Episodes; each patient's nights with GROUP BY over Episodes (her nights
/// within 63 of her latest, which the service counts her last 7 and 28 from); and unreviewed flags by finding each
/// episode's newest assessment and checking it has no review, GROUP BY patient. (Each seeded episode has one assessment,
/// so "waiting since" is that assessment's time, as the summaries keep it.) It uses the indexes the app has.
/// </summary>
public sealed class RawEpisodesCaseloadStore(string connectionString) : ICaseloadStore
{
    private const string CandidatesSql = """
        SELECT g.Id, g.PatientId, g.CoversFrom,
               p.DisplayName, p.DueDate, p.BirthDate, p.PregnancyEndedOn, p.TimeZoneId,
               (SELECT MAX(e.StartedAtUtc) FROM Episodes e
                WHERE e.PatientId = g.PatientId AND e.Night >= COALESCE(date(COALESCE(p.DueDate, p.BirthDate), '-280 days'), '0001-01-01')),
               f.R, f.U, f.E, f.OR_, f.OU, f.OE, g.CreatedAtUtc
        FROM CareGrants g
        JOIN PregnancyProfiles p ON p.UserId = g.PatientId
        LEFT JOIN (
            SELECT a.PatientId,
                   SUM(CASE WHEN a.Level = 1 THEN 1 ELSE 0 END) AS R,
                   SUM(CASE WHEN a.Level = 2 THEN 1 ELSE 0 END) AS U,
                   SUM(CASE WHEN a.Level = 3 THEN 1 ELSE 0 END) AS E,
                   MIN(CASE WHEN a.Level = 1 THEN a.AssessedAtUtc END) AS OR_,
                   MIN(CASE WHEN a.Level = 2 THEN a.AssessedAtUtc END) AS OU,
                   MIN(CASE WHEN a.Level = 3 THEN a.AssessedAtUtc END) AS OE
            FROM Assessments a
            JOIN Episodes ep ON ep.Id = a.EpisodeId
            JOIN PregnancyProfiles pp ON pp.UserId = a.PatientId
            WHERE a.Level > 0 AND a.IsIncomplete = 0
              AND a.PatientId IN (SELECT PatientId FROM CareGrants WHERE MidwifeId = $midwife AND RevokedAtUtc IS NULL)
              AND ep.Night >= COALESCE(date(COALESCE(pp.DueDate, pp.BirthDate), '-280 days'), '0001-01-01')
              AND NOT EXISTS (SELECT 1 FROM Assessments b WHERE b.EpisodeId = a.EpisodeId AND b.AssessedAtUtc > a.AssessedAtUtc)
              AND NOT EXISTS (SELECT 1 FROM FlagReviews r WHERE r.AssessmentId = a.Id)
            GROUP BY a.PatientId) f ON f.PatientId = g.PatientId
        WHERE g.MidwifeId = $midwife AND g.RevokedAtUtc IS NULL
        """;

    private const string NightsSql = """
        SELECT e.PatientId, e.Night
        FROM Episodes e
        JOIN PregnancyProfiles p ON p.UserId = e.PatientId
        JOIN (SELECT PatientId, MAX(Night) AS Latest FROM Episodes WHERE PatientId IN (SELECT value FROM json_each($ids)) GROUP BY PatientId) m
          ON m.PatientId = e.PatientId
        WHERE e.Night > date(m.Latest, '-63 days') AND e.Night >= COALESCE(date(COALESCE(p.DueDate, p.BirthDate), '-280 days'), '0001-01-01')
        GROUP BY e.PatientId, e.Night
        """;

    public async Task<IReadOnlyList<CaseloadCandidate>> ListCandidatesAsync(string midwifeId, CancellationToken ct)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(ct);
        var rows = new List<(CareGrant Grant, PregnancyProfile Profile, DateTime? Last, int R, int U, int E, DateTime? OldestAtHighest)>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = CandidatesSql;
            command.Parameters.AddWithValue("$midwife", midwifeId);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                DateTime? At(int i) => reader.IsDBNull(i) ? null : DateTime.Parse(reader.GetString(i), CultureInfo.InvariantCulture);
                DateOnly? Day(int i) => reader.IsDBNull(i) ? null : DateOnly.Parse(reader.GetString(i), CultureInfo.InvariantCulture);
                int Count(int i) => reader.IsDBNull(i) ? 0 : reader.GetInt32(i);
                var grant = new CareGrant
                {
                    Id = Guid.Parse(reader.GetString(0)),
                    PatientId = reader.GetString(1),
                    MidwifeId = midwifeId,
                    CoversFrom = Day(2)!.Value,
                    CreatedAtUtc = At(15)!.Value,
                };
                var profile = new PregnancyProfile
                {
                    UserId = grant.PatientId,
                    DisplayName = reader.GetString(3),
                    DueDate = Day(4),
                    BirthDate = Day(5),
                    PregnancyEndedOn = Day(6),
                    TimeZoneId = reader.GetString(7),
                };
                var (r, u, e) = (Count(9), Count(10), Count(11));
                var oldest = e > 0 ? At(14) : u > 0 ? At(13) : r > 0 ? At(12) : null;
                rows.Add((grant, profile, At(8), r, u, e, oldest));
            }
        }

        var nights = new Dictionary<string, List<DateOnly>>(StringComparer.Ordinal);
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = NightsSql;
            command.Parameters.AddWithValue("$ids", JsonSerializer.Serialize(rows.Select(r => r.Grant.PatientId).ToList()));
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var patientId = reader.GetString(0);
                if (!nights.TryGetValue(patientId, out var list))
                {
                    nights[patientId] = list = [];
                }

                list.Add(DateOnly.Parse(reader.GetString(1), CultureInfo.InvariantCulture));
            }
        }

        return rows.Select(r =>
        {
            if (r.Last is null)
            {
                return new CaseloadCandidate(r.Grant, r.Profile, null);
            }

            var mine = nights.TryGetValue(r.Grant.PatientId, out var list) ? list : [];
            DateOnly? latest = mine.Count == 0 ? null : mine.Max();
            var mask = latest is null ? 0L : NightMask.Build(latest.Value, mine);
            return new CaseloadCandidate(r.Grant, r.Profile, new PatientActivitySummary(r.Last, r.R, r.U, r.E, r.OldestAtHighest, latest, mask));
        }).ToList();
    }
}
