using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LegCrampCare.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class AddSharing : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CareGrants",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PatientId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    MidwifeId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Method = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CoversFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RevokedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CareGrants", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ShareCodes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PatientId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    CodeHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ExpiresAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UsedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    GrantId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ShareCodes", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CareGrants_MidwifeId_RevokedAtUtc",
                table: "CareGrants",
                columns: new[] { "MidwifeId", "RevokedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_CareGrants_PatientId",
                table: "CareGrants",
                column: "PatientId");

            migrationBuilder.CreateIndex(
                name: "IX_ShareCodes_CodeHash",
                table: "ShareCodes",
                column: "CodeHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ShareCodes_PatientId",
                table: "ShareCodes",
                column: "PatientId");

            // The audit trail is append-only: no delete, and no change except replacing an erased account's id with its
            // pseudonym (AccountEraser).
            migrationBuilder.Sql(
                "CREATE TRIGGER AuditEvents_NoDelete BEFORE DELETE ON AuditEvents " +
                "BEGIN SELECT RAISE(ABORT, 'The audit trail is append-only.'); END;");
            migrationBuilder.Sql(
                "CREATE TRIGGER AuditEvents_NoChange BEFORE UPDATE OF Id, AtUtc, ActorRole, Action, Resource, Outcome ON AuditEvents " +
                "BEGIN SELECT RAISE(ABORT, 'The audit trail is append-only.'); END;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS AuditEvents_NoDelete;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS AuditEvents_NoChange;");

            migrationBuilder.DropTable(
                name: "CareGrants");

            migrationBuilder.DropTable(
                name: "ShareCodes");
        }
    }
}
