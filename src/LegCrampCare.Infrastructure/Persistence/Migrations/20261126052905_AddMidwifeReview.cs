using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LegCrampCare.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class AddMidwifeReview : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<decimal>(
                name: "MidwifeCalfDifferenceCm",
                table: "Episodes",
                type: "TEXT",
                precision: 4,
                scale: 1,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "FlagReviews",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PatientId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    EpisodeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AssessmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MidwifeId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    ReviewerName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FlagReviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FlagReviews_Assessments_AssessmentId",
                        column: x => x.AssessmentId,
                        principalTable: "Assessments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PatientActivity",
                columns: table => new
                {
                    PatientId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    LastEpisodeAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    UnreviewedRoutine = table.Column<int>(type: "INTEGER", nullable: false),
                    UnreviewedUrgent = table.Column<int>(type: "INTEGER", nullable: false),
                    UnreviewedEmergency = table.Column<int>(type: "INTEGER", nullable: false),
                    OldestRoutineAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    OldestUrgentAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    OldestEmergencyAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PatientActivity", x => x.PatientId);
                    table.ForeignKey(
                        name: "FK_PatientActivity_AspNetUsers_PatientId",
                        column: x => x.PatientId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PatientNights",
                columns: table => new
                {
                    PatientId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Night = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EpisodeCount = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PatientNights", x => new { x.PatientId, x.Night });
                    table.ForeignKey(
                        name: "FK_PatientNights_AspNetUsers_PatientId",
                        column: x => x.PatientId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "UnreviewedFlags",
                columns: table => new
                {
                    EpisodeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PatientId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    AssessmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Level = table.Column<byte>(type: "INTEGER", nullable: false),
                    SinceUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UnreviewedFlags", x => x.EpisodeId);
                    table.ForeignKey(
                        name: "FK_UnreviewedFlags_Episodes_EpisodeId",
                        column: x => x.EpisodeId,
                        principalTable: "Episodes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Episodes_PatientId_StartedAtUtc",
                table: "Episodes",
                columns: new[] { "PatientId", "StartedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_FlagReviews_AssessmentId",
                table: "FlagReviews",
                column: "AssessmentId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FlagReviews_PatientId_EpisodeId",
                table: "FlagReviews",
                columns: new[] { "PatientId", "EpisodeId" });

            migrationBuilder.CreateIndex(
                name: "IX_UnreviewedFlags_AssessmentId",
                table: "UnreviewedFlags",
                column: "AssessmentId");

            migrationBuilder.CreateIndex(
                name: "IX_UnreviewedFlags_PatientId_Level_SinceUtc",
                table: "UnreviewedFlags",
                columns: new[] { "PatientId", "Level", "SinceUtc" });

            // A review is written once and never changed; only an erased midwife's id may be replaced by its pseudonym.
            migrationBuilder.Sql(
                "CREATE TRIGGER FlagReviews_NoChange BEFORE UPDATE OF Id, PatientId, EpisodeId, AssessmentId, ReviewerName, Note, AtUtc ON FlagReviews " +
                "BEGIN SELECT RAISE(ABORT, 'A review is never changed.'); END;");

            // Backfill the caseload summaries from the episodes and assessments already stored, so an upgraded database
            // is right before the first new write. No review exists yet, so every current flag is unreviewed; it has been
            // waiting since the first of the flags in a row that ends with the current assessment (as the store keeps it).
            migrationBuilder.Sql(
                "INSERT INTO PatientNights (PatientId, Night, EpisodeCount) " +
                "SELECT PatientId, Night, COUNT(*) FROM Episodes GROUP BY PatientId, Night;");
            migrationBuilder.Sql(
                "INSERT INTO UnreviewedFlags (EpisodeId, PatientId, AssessmentId, Level, SinceUtc) " +
                "SELECT a.EpisodeId, a.PatientId, a.Id, a.Level, " +
                "  (SELECT MIN(c.AssessedAtUtc) FROM Assessments c " +
                "   WHERE c.EpisodeId = a.EpisodeId AND c.Level > 0 AND c.IsIncomplete = 0 " +
                "     AND NOT EXISTS (SELECT 1 FROM Assessments d WHERE d.EpisodeId = a.EpisodeId AND d.AssessedAtUtc > c.AssessedAtUtc " +
                "                     AND (d.Level = 0 OR d.IsIncomplete <> 0))) " +
                "FROM Assessments a " +
                "WHERE a.Level > 0 AND a.IsIncomplete = 0 " +
                "  AND NOT EXISTS (SELECT 1 FROM Assessments b WHERE b.EpisodeId = a.EpisodeId " +
                "                  AND (b.AssessedAtUtc > a.AssessedAtUtc OR (b.AssessedAtUtc = a.AssessedAtUtc AND b.Id > a.Id)));");
            migrationBuilder.Sql(
                "INSERT INTO PatientActivity (PatientId, LastEpisodeAtUtc, UnreviewedRoutine, UnreviewedUrgent, UnreviewedEmergency, " +
                "  OldestRoutineAtUtc, OldestUrgentAtUtc, OldestEmergencyAtUtc) " +
                "SELECT e.PatientId, MAX(e.StartedAtUtc), " +
                "  (SELECT COUNT(*) FROM UnreviewedFlags f WHERE f.PatientId = e.PatientId AND f.Level = 1), " +
                "  (SELECT COUNT(*) FROM UnreviewedFlags f WHERE f.PatientId = e.PatientId AND f.Level = 2), " +
                "  (SELECT COUNT(*) FROM UnreviewedFlags f WHERE f.PatientId = e.PatientId AND f.Level = 3), " +
                "  (SELECT MIN(f.SinceUtc) FROM UnreviewedFlags f WHERE f.PatientId = e.PatientId AND f.Level = 1), " +
                "  (SELECT MIN(f.SinceUtc) FROM UnreviewedFlags f WHERE f.PatientId = e.PatientId AND f.Level = 2), " +
                "  (SELECT MIN(f.SinceUtc) FROM UnreviewedFlags f WHERE f.PatientId = e.PatientId AND f.Level = 3) " +
                "FROM Episodes e GROUP BY e.PatientId;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS FlagReviews_NoChange;");

            migrationBuilder.DropTable(
                name: "FlagReviews");

            migrationBuilder.DropTable(
                name: "PatientActivity");

            migrationBuilder.DropTable(
                name: "PatientNights");

            migrationBuilder.DropTable(
                name: "UnreviewedFlags");

            migrationBuilder.DropIndex(
                name: "IX_Episodes_PatientId_StartedAtUtc",
                table: "Episodes");

            migrationBuilder.DropColumn(
                name: "MidwifeCalfDifferenceCm",
                table: "Episodes");
        }
    }
}
