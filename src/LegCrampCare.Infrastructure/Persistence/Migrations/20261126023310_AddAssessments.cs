using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LegCrampCare.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class AddAssessments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "PainCheckedAtUtc",
                table: "Episodes",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "PainGoneAtUtc",
                table: "Episodes",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Assessments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    EpisodeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PatientId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    AssessedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Reason = table.Column<int>(type: "INTEGER", nullable: false),
                    RuleSetVersion = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Level = table.Column<byte>(type: "INTEGER", nullable: false),
                    FiredRules = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    IsIncomplete = table.Column<bool>(type: "INTEGER", nullable: false),
                    LeftScore = table.Column<int>(type: "INTEGER", nullable: true),
                    RcogPoints = table.Column<int>(type: "INTEGER", nullable: false),
                    HighRiskContext = table.Column<bool>(type: "INTEGER", nullable: false),
                    InputsJson = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Assessments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Assessments_Episodes_EpisodeId",
                        column: x => x.EpisodeId,
                        principalTable: "Episodes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Assessments_EpisodeId_AssessedAtUtc",
                table: "Assessments",
                columns: new[] { "EpisodeId", "AssessedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Assessments_PatientId_AssessedAtUtc",
                table: "Assessments",
                columns: new[] { "PatientId", "AssessedAtUtc" });

            // Assessments are immutable (clinical principle 4): the database itself refuses to change one.
            migrationBuilder.Sql(
                "CREATE TRIGGER Assessments_NoUpdate BEFORE UPDATE ON Assessments " +
                "BEGIN SELECT RAISE(ABORT, 'Assessments are immutable: add a new one instead.'); END;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS Assessments_NoUpdate;");

            migrationBuilder.DropTable(
                name: "Assessments");

            migrationBuilder.DropColumn(
                name: "PainCheckedAtUtc",
                table: "Episodes");

            migrationBuilder.DropColumn(
                name: "PainGoneAtUtc",
                table: "Episodes");
        }
    }
}
