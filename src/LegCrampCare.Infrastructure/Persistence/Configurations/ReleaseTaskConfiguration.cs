using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LegCrampCare.Infrastructure.Persistence.Configurations;

public sealed class ReleaseTaskConfiguration : IEntityTypeConfiguration<ReleaseTask>
{
    public void Configure(EntityTypeBuilder<ReleaseTask> builder)
    {
        builder.ToTable("ReleaseTasks");
        builder.HasKey(t => t.Name);
        builder.Property(t => t.Name).HasMaxLength(100);
    }
}
