using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LegCrampCare.Infrastructure.Persistence.Migrations
{
    /// <summary>
    /// SQLite adds a CHECK constraint (TextLengthLimits) by rebuilding the table, which drops the table's triggers, and EF
    /// runs a migration's own SQL before its rebuilds. So the trigger that keeps a midwife's review unchangeable is made
    /// again here, in a migration of its own. (MigrationTests checks that every trigger is still there.)
    /// </summary>
    public partial class RestoreFlagReviewTrigger : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) =>
            migrationBuilder.Sql(
                "CREATE TRIGGER IF NOT EXISTS FlagReviews_NoChange BEFORE UPDATE OF Id, PatientId, EpisodeId, AssessmentId, ReviewerName, Note, AtUtc ON FlagReviews " +
                "BEGIN SELECT RAISE(ABORT, 'A review is never changed.'); END;");

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The trigger stays: the table had it before TextLengthLimits too.
        }
    }
}
