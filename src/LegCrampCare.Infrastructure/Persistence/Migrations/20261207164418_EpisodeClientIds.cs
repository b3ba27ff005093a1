using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LegCrampCare.Infrastructure.Persistence.Migrations
{
    /// <summary>
    /// Each cramp gets the id its logging client gave it, unique per patient (exactly-once logging through the API), and the
    /// fingerprint of the first body sent for it (a retry with another body is a conflict).
    /// </summary>
    public partial class EpisodeClientIds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "ClientId",
                table: "Episodes",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<string>(
                name: "ClientRequestHash",
                table: "Episodes",
                type: "TEXT",
                unicode: false,
                maxLength: 64,
                nullable: true);

            // Cramps logged before this release were identified by their own id: that is their client id.
            migrationBuilder.Sql("UPDATE \"Episodes\" SET \"ClientId\" = \"Id\";");

            migrationBuilder.CreateIndex(
                name: "IX_Episodes_PatientId_ClientId",
                table: "Episodes",
                columns: new[] { "PatientId", "ClientId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Episodes_PatientId_ClientId",
                table: "Episodes");

            migrationBuilder.DropColumn(
                name: "ClientId",
                table: "Episodes");

            migrationBuilder.DropColumn(
                name: "ClientRequestHash",
                table: "Episodes");
        }
    }
}
