using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LegCrampCare.Infrastructure.Persistence.Migrations
{
    /// <summary>
    /// The caseload reads one row per patient: PatientActivity keeps the oldest waiting flag at her highest level (instead
    /// of one per level) and her recent nights as a 63-night mask from her latest night (RecentNights, bit i = the night i
    /// nights before LatestNight), so counting her last 7 and 28 nights reads no PatientNights rows. The rows are a pure
    /// summary: they are recomputed here from Episodes, UnreviewedFlags and PatientNights (kept current since
    /// AddMidwifeReview), as Stores/SummaryWriter computes them on every write.
    /// </summary>
    public partial class AddCaseloadNightMask : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(name: "OldestRoutineAtUtc", table: "PatientActivity");
            migrationBuilder.DropColumn(name: "OldestUrgentAtUtc", table: "PatientActivity");
            migrationBuilder.DropColumn(name: "OldestEmergencyAtUtc", table: "PatientActivity");

            migrationBuilder.AddColumn<DateTime>(
                name: "OldestAtHighestUtc",
                table: "PatientActivity",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "LatestNight",
                table: "PatientActivity",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "RecentNights",
                table: "PatientActivity",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.Sql("DELETE FROM PatientActivity;");
            migrationBuilder.Sql(
                "INSERT INTO PatientActivity (PatientId, LastEpisodeAtUtc, UnreviewedRoutine, UnreviewedUrgent, UnreviewedEmergency, " +
                "  OldestAtHighestUtc, LatestNight, RecentNights) " +
                "SELECT e.PatientId, MAX(e.StartedAtUtc), " +
                "  (SELECT COUNT(*) FROM UnreviewedFlags f WHERE f.PatientId = e.PatientId AND f.Level = 1), " +
                "  (SELECT COUNT(*) FROM UnreviewedFlags f WHERE f.PatientId = e.PatientId AND f.Level = 2), " +
                "  (SELECT COUNT(*) FROM UnreviewedFlags f WHERE f.PatientId = e.PatientId AND f.Level = 3), " +
                "  (SELECT MIN(f.SinceUtc) FROM UnreviewedFlags f WHERE f.PatientId = e.PatientId " +
                "     AND f.Level = (SELECT MAX(g.Level) FROM UnreviewedFlags g WHERE g.PatientId = e.PatientId)), " +
                "  MAX(e.Night), 0 " +
                "FROM Episodes e GROUP BY e.PatientId;");
            migrationBuilder.Sql(
                "UPDATE PatientActivity SET RecentNights = COALESCE((" +
                "  SELECT SUM(1 << CAST(julianday(PatientActivity.LatestNight) - julianday(n.Night) AS INTEGER)) FROM PatientNights n " +
                "  WHERE n.PatientId = PatientActivity.PatientId AND julianday(PatientActivity.LatestNight) - julianday(n.Night) < 63), 0);");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(name: "RecentNights", table: "PatientActivity");
            migrationBuilder.DropColumn(name: "LatestNight", table: "PatientActivity");
            migrationBuilder.DropColumn(name: "OldestAtHighestUtc", table: "PatientActivity");

            migrationBuilder.AddColumn<DateTime>(name: "OldestRoutineAtUtc", table: "PatientActivity", type: "TEXT", nullable: true);
            migrationBuilder.AddColumn<DateTime>(name: "OldestUrgentAtUtc", table: "PatientActivity", type: "TEXT", nullable: true);
            migrationBuilder.AddColumn<DateTime>(name: "OldestEmergencyAtUtc", table: "PatientActivity", type: "TEXT", nullable: true);
            migrationBuilder.Sql(
                "UPDATE PatientActivity SET " +
                "  OldestRoutineAtUtc = (SELECT MIN(f.SinceUtc) FROM UnreviewedFlags f WHERE f.PatientId = PatientActivity.PatientId AND f.Level = 1), " +
                "  OldestUrgentAtUtc = (SELECT MIN(f.SinceUtc) FROM UnreviewedFlags f WHERE f.PatientId = PatientActivity.PatientId AND f.Level = 2), " +
                "  OldestEmergencyAtUtc = (SELECT MIN(f.SinceUtc) FROM UnreviewedFlags f WHERE f.PatientId = PatientActivity.PatientId AND f.Level = 3);");
        }
    }
}
