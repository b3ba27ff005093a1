using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;
using LegCrampCare.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace LegCrampCare.Infrastructure.Tests.Persistence;

/// <summary>
/// Rows written as an older schema has them, for upgrade tests: today's model has columns that the database at an
/// earlier migration lacks, so EF Core can't insert there.
/// </summary>
internal static class OldSchemaRows
{
    /// <summary>The episode's id, patient, times and side; every other NOT NULL column of that schema (the answers) as 0, "not answered".</summary>
    public static Task InsertEpisodeAsync(AppDbContext db, Episode episode) =>
        InsertAsync(db, "Episodes", new Dictionary<string, object>
        {
            ["Id"] = episode.Id.ToString().ToUpperInvariant(), ["PatientId"] = episode.PatientId, ["StartedAtUtc"] = episode.StartedAtUtc,
            ["Night"] = episode.Night.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), ["Side"] = 1,
            ["CreatedAtUtc"] = episode.CreatedAtUtc, ["UpdatedAtUtc"] = episode.UpdatedAtUtc,
        });

    /// <summary>The assessment row as the schema of that time has it (today's model has columns added later).</summary>
    public static Task InsertAssessmentAsync(AppDbContext db, Assessment assessment) =>
        InsertAsync(db, "Assessments", new Dictionary<string, object>
        {
            ["Id"] = assessment.Id.ToString().ToUpperInvariant(), ["EpisodeId"] = assessment.EpisodeId.ToString().ToUpperInvariant(),
            ["PatientId"] = assessment.PatientId, ["AssessedAtUtc"] = assessment.AssessedAtUtc, ["Reason"] = (int)assessment.Reason,
            ["RuleSetVersion"] = assessment.RuleSetVersion, ["Level"] = (int)assessment.Level, ["FiredRules"] = assessment.FiredRules,
            ["IsIncomplete"] = assessment.IsIncomplete, ["RcogPoints"] = assessment.RcogPoints, ["HighRiskContext"] = assessment.HighRiskContext,
            ["InputsJson"] = assessment.InputsJson, ["GuidanceShown"] = assessment.GuidanceShown,
        });

    /// <summary>Inserts a row with every column the table has now that must have a value: the known ones, 0 for the rest.</summary>
    private static async Task InsertAsync(AppDbContext db, string table, Dictionary<string, object> known)
    {
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var columns = new List<string>();
        await using (var info = connection.CreateCommand())
        {
            info.CommandText = $"SELECT name FROM pragma_table_info('{table}') WHERE \"notnull\" = 1 AND dflt_value IS NULL";
            await using var reader = await info.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                columns.Add(reader.GetString(0));
            }
        }

        await using (var insert = connection.CreateCommand())
        {
            insert.CommandText = $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select(c => "$" + c))})";
            foreach (var column in columns)
            {
                ((SqliteCommand)insert).Parameters.AddWithValue("$" + column, known.TryGetValue(column, out var value) ? value : 0);
            }

            await insert.ExecuteNonQueryAsync();
        }
    }
}
