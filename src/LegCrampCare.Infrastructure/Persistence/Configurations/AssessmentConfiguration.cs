using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LegCrampCare.Infrastructure.Persistence.Configurations;

/// <summary>
/// Assessments are append-only: the store only inserts them, and a database trigger (see the AddAssessments
/// migration) refuses any UPDATE. They go with their episode when she deletes it or her account.
/// </summary>
public sealed class AssessmentConfiguration : IEntityTypeConfiguration<Assessment>
{
    public void Configure(EntityTypeBuilder<Assessment> builder)
    {
        builder.ToTable("Assessments");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.PatientId).IsRequired().HasMaxLength(450);
        builder.Property(a => a.RuleSetVersion).IsRequired().HasMaxLength(64);
        builder.Property(a => a.FiredRules).IsRequired().HasMaxLength(200);
        builder.Property(a => a.InputsJson).IsRequired().HasMaxLength(8000);
        builder.Property(a => a.GuidanceShown).IsRequired().HasMaxLength(500);
        builder.Property(a => a.ShownRuleSetVersion).HasMaxLength(64);
        builder.HasOne<Episode>().WithMany().HasForeignKey(a => a.EpisodeId).OnDelete(DeleteBehavior.Cascade);

        // An episode's assessments, newest first; and a patient's (for the midwife's review later).
        builder.HasIndex(a => new { a.EpisodeId, a.AssessedAtUtc });
        builder.HasIndex(a => new { a.PatientId, a.AssessedAtUtc });
    }
}
