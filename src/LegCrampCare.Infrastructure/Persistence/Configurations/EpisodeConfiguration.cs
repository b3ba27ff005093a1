using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;
using LegCrampCare.Core.Features.Episodes;
using LegCrampCare.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LegCrampCare.Infrastructure.Persistence.Configurations;

public sealed class EpisodeConfiguration : IEntityTypeConfiguration<Episode>
{
    public void Configure(EntityTypeBuilder<Episode> builder)
    {
        builder.ToTable("Episodes");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.PatientId).IsRequired().HasMaxLength(450);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(e => e.PatientId).OnDelete(DeleteBehavior.Cascade);
        builder.HasTextLimit(e => e.Notes, EpisodeDetailsValidator.MaxNotesLength);
        builder.Property(e => e.CalfDifferenceCm).HasPrecision(4, 1);
        builder.Property(e => e.MidwifeCalfDifferenceCm).HasPrecision(4, 1);
        builder.Property(e => e.PainAfterHours).HasPrecision(6, 1);
        builder.ComplexProperty(e => e.Answers);
        // Through the property, which falls back to the episode's own id when no client id was given.
        builder.Property(e => e.ClientId).UsePropertyAccessMode(PropertyAccessMode.Property);
        builder.Property(e => e.ClientRequestHash).HasMaxLength(64).IsUnicode(false);

        // A client's retry of the same log stores one cramp (exactly once), looked up by her id and the client's.
        builder.HasIndex(e => new { e.PatientId, e.ClientId }).IsUnique();

        // History pages list a patient's nights, newest first; the night summaries count one night's episodes.
        builder.HasIndex(e => new { e.PatientId, e.Night });

        // Her latest episode (the caseload's "last episode", recomputed on every write) without reading all of them.
        builder.HasIndex(e => new { e.PatientId, e.StartedAtUtc });
    }
}
