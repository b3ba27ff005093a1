using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;
using LegCrampCare.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LegCrampCare.Infrastructure.Persistence.Configurations;

/// <summary>
/// One review per assessment (a unique index, so acknowledging twice can't store two); it goes with its assessment
/// when she deletes the episode or her account.
/// </summary>
public sealed class FlagReviewConfiguration : IEntityTypeConfiguration<FlagReview>
{
    public void Configure(EntityTypeBuilder<FlagReview> builder)
    {
        builder.ToTable("FlagReviews");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.PatientId).IsRequired().HasMaxLength(450);
        builder.Property(r => r.MidwifeId).IsRequired().HasMaxLength(450);
        builder.Property(r => r.ReviewerName).IsRequired().HasMaxLength(256);
        builder.HasTextLimit(r => r.Note, FlagReview.MaxNoteLength).IsRequired();
        builder.HasOne<Assessment>().WithMany().HasForeignKey(r => r.AssessmentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => r.AssessmentId).IsUnique();
        builder.HasIndex(r => new { r.PatientId, r.EpisodeId });

        // Her midwife's notes of the last week, for her home page.
        builder.HasIndex(r => new { r.PatientId, r.AtUtc });
    }
}

/// <summary>Nights with cramps per patient: the key (PatientId, Night) is the index the caseload counts nights with.</summary>
public sealed class PatientNightConfiguration : IEntityTypeConfiguration<PatientNight>
{
    public void Configure(EntityTypeBuilder<PatientNight> builder)
    {
        builder.ToTable("PatientNights");
        builder.HasKey(n => new { n.PatientId, n.Night });
        builder.Property(n => n.PatientId).HasMaxLength(450);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(n => n.PatientId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>One activity row per patient; it goes with her account.</summary>
public sealed class PatientActivityConfiguration : IEntityTypeConfiguration<PatientActivity>
{
    public void Configure(EntityTypeBuilder<PatientActivity> builder)
    {
        builder.ToTable("PatientActivity");
        builder.HasKey(a => a.PatientId);
        builder.Property(a => a.PatientId).HasMaxLength(450);
        builder.HasOne<ApplicationUser>().WithOne().HasForeignKey<PatientActivity>(a => a.PatientId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>An episode has at most one unreviewed flag (its current assessment); it goes with the episode.</summary>
public sealed class UnreviewedFlagConfiguration : IEntityTypeConfiguration<UnreviewedFlag>
{
    public void Configure(EntityTypeBuilder<UnreviewedFlag> builder)
    {
        builder.ToTable("UnreviewedFlags");
        builder.HasKey(f => f.EpisodeId);
        builder.Property(f => f.EpisodeId).ValueGeneratedNever();
        builder.Property(f => f.PatientId).IsRequired().HasMaxLength(450);
        builder.HasOne<Episode>().WithOne().HasForeignKey<UnreviewedFlag>(f => f.EpisodeId).OnDelete(DeleteBehavior.Cascade);

        // Per patient and level, the oldest first: what the summary is recomputed from.
        builder.HasIndex(f => new { f.PatientId, f.Level, f.SinceUtc });
        builder.HasIndex(f => f.AssessmentId);
    }
}
