using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LegCrampCare.Infrastructure.Persistence.Configurations;

public sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> builder)
    {
        builder.ToTable("AuditEvents");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.ActorId).IsRequired().HasMaxLength(450);
        builder.Property(a => a.ActorRole).IsRequired().HasMaxLength(32);
        builder.Property(a => a.Action).IsRequired().HasMaxLength(64);
        builder.Property(a => a.SubjectUserId).HasMaxLength(450);
        builder.Property(a => a.Resource).IsRequired().HasMaxLength(128);
        builder.Property(a => a.Outcome).IsRequired().HasMaxLength(32);
        builder.HasIndex(a => a.AtUtc);
        builder.HasIndex(a => a.SubjectUserId);
    }
}
