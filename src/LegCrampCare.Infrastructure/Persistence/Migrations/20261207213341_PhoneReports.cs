using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LegCrampCare.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class PhoneReports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "DeviceClockOffsetSeconds",
                table: "Assessments",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ReceivedAtUtc",
                table: "Assessments",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<byte>(
                name: "ShownLevel",
                table: "Assessments",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ShownRuleSetVersion",
                table: "Assessments",
                type: "TEXT",
                maxLength: 64,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "DeviceClockOffsetSeconds",
                table: "Assessments");

            migrationBuilder.DropColumn(
                name: "ReceivedAtUtc",
                table: "Assessments");

            migrationBuilder.DropColumn(
                name: "ShownLevel",
                table: "Assessments");

            migrationBuilder.DropColumn(
                name: "ShownRuleSetVersion",
                table: "Assessments");
        }
    }
}
