using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LegCrampCare.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class RuleSet2026Point2 : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "MaternityPhone",
                table: "PregnancyProfiles",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Answers_CrampOver10Minutes",
                table: "Episodes",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Answers_PainSide",
                table: "Episodes",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Answers_SuddenFeetSwelling",
                table: "Episodes",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "ReleaseTasks",
                columns: table => new
                {
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CompletedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReleaseTasks", x => x.Name);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FlagReviews_PatientId_AtUtc",
                table: "FlagReviews",
                columns: new[] { "PatientId", "AtUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ReleaseTasks");

            migrationBuilder.DropIndex(
                name: "IX_FlagReviews_PatientId_AtUtc",
                table: "FlagReviews");

            migrationBuilder.DropColumn(
                name: "MaternityPhone",
                table: "PregnancyProfiles");

            migrationBuilder.DropColumn(
                name: "Answers_CrampOver10Minutes",
                table: "Episodes");

            migrationBuilder.DropColumn(
                name: "Answers_PainSide",
                table: "Episodes");

            migrationBuilder.DropColumn(
                name: "Answers_SuddenFeetSwelling",
                table: "Episodes");
        }
    }
}
