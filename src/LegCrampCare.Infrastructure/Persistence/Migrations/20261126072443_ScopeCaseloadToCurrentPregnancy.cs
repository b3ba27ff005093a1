using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LegCrampCare.Infrastructure.Persistence.Migrations
{
    /// <summary>
    /// The caseload counts only her current pregnancy, as the midwife's view of her log shows it: PatientActivity is
    /// recomputed from the episodes (and their unreviewed flags and nights) whose night is on or after the first day of
    /// her current pregnancy (due date, else birth date, minus 280 days), as Stores/SummaryWriter now computes it on every
    /// write and when her profile is saved. Down puts back the count over all her episodes.
    /// </summary>
    public partial class ScopeCaseloadToCurrentPregnancy : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) =>
            Recompute(migrationBuilder, "COALESCE((SELECT date(COALESCE(p.DueDate, p.BirthDate), '-280 days') FROM PregnancyProfiles p WHERE p.UserId = {0}), '0001-01-01')");

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) =>
            Recompute(migrationBuilder, "'0001-01-01'");

        /// <summary>Rebuilds every activity row from the rows it summarises, counting nights from <paramref name="firstNight"/> ({0}: the patient id column).</summary>
        private static void Recompute(MigrationBuilder migrationBuilder, string firstNight)
        {
            var from = string.Format(System.Globalization.CultureInfo.InvariantCulture, firstNight, "e.PatientId");
            var flagsFrom = string.Format(System.Globalization.CultureInfo.InvariantCulture, firstNight, "f.PatientId");
            var nightsFrom = string.Format(System.Globalization.CultureInfo.InvariantCulture, firstNight, "n.PatientId");
            var scopedFlags = $"UnreviewedFlags f JOIN Episodes x ON x.Id = f.EpisodeId WHERE x.Night >= {flagsFrom} AND f.PatientId = e.PatientId";
            migrationBuilder.Sql("DELETE FROM PatientActivity;");
            migrationBuilder.Sql(
                "INSERT INTO PatientActivity (PatientId, LastEpisodeAtUtc, UnreviewedRoutine, UnreviewedUrgent, UnreviewedEmergency, " +
                "  OldestAtHighestUtc, LatestNight, RecentNights) " +
                "SELECT e.PatientId, MAX(e.StartedAtUtc), " +
                $"  (SELECT COUNT(*) FROM {scopedFlags} AND f.Level = 1), " +
                $"  (SELECT COUNT(*) FROM {scopedFlags} AND f.Level = 2), " +
                $"  (SELECT COUNT(*) FROM {scopedFlags} AND f.Level = 3), " +
                $"  (SELECT MIN(f.SinceUtc) FROM {scopedFlags} AND f.Level = (SELECT MAX(f.Level) FROM {scopedFlags})), " +
                "  MAX(e.Night), 0 " +
                $"FROM Episodes e WHERE e.Night >= {from} GROUP BY e.PatientId;");
            migrationBuilder.Sql(
                "UPDATE PatientActivity SET RecentNights = COALESCE((" +
                "  SELECT SUM(1 << CAST(julianday(PatientActivity.LatestNight) - julianday(n.Night) AS INTEGER)) FROM PatientNights n " +
                "  WHERE n.PatientId = PatientActivity.PatientId AND julianday(PatientActivity.LatestNight) - julianday(n.Night) < 63 " +
                $"    AND n.Night >= {nightsFrom}), 0);");
        }
    }
}
