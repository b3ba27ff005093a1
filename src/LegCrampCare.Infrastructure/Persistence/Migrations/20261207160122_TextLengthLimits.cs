using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LegCrampCare.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class TextLengthLimits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The approver's return comment had no length check on the server before: a longer one (only from a modified
            // client) would stop the table rebuild below, and so the app's start. It is cut to the limit instead.
            migrationBuilder.Sql("UPDATE GuidanceRevisions SET ReturnComment = substr(ReturnComment, 1, 2000) WHERE length(ReturnComment) > 2000;");

            migrationBuilder.AddCheckConstraint(
                name: "CK_PregnancyProfiles_DisplayName_Length",
                table: "PregnancyProfiles",
                sql: "length(\"DisplayName\") <= 100");

            migrationBuilder.AddCheckConstraint(
                name: "CK_PregnancyProfiles_HospitalNumber_Length",
                table: "PregnancyProfiles",
                sql: "length(\"HospitalNumber\") <= 20");

            migrationBuilder.AddCheckConstraint(
                name: "CK_PregnancyProfiles_MaternityPhone_Length",
                table: "PregnancyProfiles",
                sql: "length(\"MaternityPhone\") <= 16");

            migrationBuilder.AddCheckConstraint(
                name: "CK_GuidanceRevisions_BodyMarkdown_Length",
                table: "GuidanceRevisions",
                sql: "length(\"BodyMarkdown\") <= 100000");

            migrationBuilder.AddCheckConstraint(
                name: "CK_GuidanceRevisions_ChangeSummary_Length",
                table: "GuidanceRevisions",
                sql: "length(\"ChangeSummary\") <= 500");

            migrationBuilder.AddCheckConstraint(
                name: "CK_GuidanceRevisions_ReturnComment_Length",
                table: "GuidanceRevisions",
                sql: "length(\"ReturnComment\") <= 2000");

            migrationBuilder.AddCheckConstraint(
                name: "CK_GuidanceRevisions_SourcesJson_Length",
                table: "GuidanceRevisions",
                sql: "length(\"SourcesJson\") <= 50000");

            migrationBuilder.AddCheckConstraint(
                name: "CK_GuidanceRevisions_Summary_Length",
                table: "GuidanceRevisions",
                sql: "length(\"Summary\") <= 300");

            migrationBuilder.AddCheckConstraint(
                name: "CK_GuidanceRevisions_Title_Length",
                table: "GuidanceRevisions",
                sql: "length(\"Title\") <= 200");

            migrationBuilder.AddCheckConstraint(
                name: "CK_FlagReviews_Note_Length",
                table: "FlagReviews",
                sql: "length(\"Note\") <= 1000");

            migrationBuilder.AddCheckConstraint(
                name: "CK_Episodes_Notes_Length",
                table: "Episodes",
                sql: "length(\"Notes\") <= 2000");

            migrationBuilder.AddCheckConstraint(
                name: "CK_AspNetUsers_StaffName_Length",
                table: "AspNetUsers",
                sql: "length(\"StaffName\") <= 100");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "CK_PregnancyProfiles_DisplayName_Length",
                table: "PregnancyProfiles");

            migrationBuilder.DropCheckConstraint(
                name: "CK_PregnancyProfiles_HospitalNumber_Length",
                table: "PregnancyProfiles");

            migrationBuilder.DropCheckConstraint(
                name: "CK_PregnancyProfiles_MaternityPhone_Length",
                table: "PregnancyProfiles");

            migrationBuilder.DropCheckConstraint(
                name: "CK_GuidanceRevisions_BodyMarkdown_Length",
                table: "GuidanceRevisions");

            migrationBuilder.DropCheckConstraint(
                name: "CK_GuidanceRevisions_ChangeSummary_Length",
                table: "GuidanceRevisions");

            migrationBuilder.DropCheckConstraint(
                name: "CK_GuidanceRevisions_ReturnComment_Length",
                table: "GuidanceRevisions");

            migrationBuilder.DropCheckConstraint(
                name: "CK_GuidanceRevisions_SourcesJson_Length",
                table: "GuidanceRevisions");

            migrationBuilder.DropCheckConstraint(
                name: "CK_GuidanceRevisions_Summary_Length",
                table: "GuidanceRevisions");

            migrationBuilder.DropCheckConstraint(
                name: "CK_GuidanceRevisions_Title_Length",
                table: "GuidanceRevisions");

            migrationBuilder.DropCheckConstraint(
                name: "CK_FlagReviews_Note_Length",
                table: "FlagReviews");

            migrationBuilder.DropCheckConstraint(
                name: "CK_Episodes_Notes_Length",
                table: "Episodes");

            migrationBuilder.DropCheckConstraint(
                name: "CK_AspNetUsers_StaffName_Length",
                table: "AspNetUsers");
        }
    }
}
