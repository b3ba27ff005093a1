using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LegCrampCare.Infrastructure.Persistence.Configurations;

internal sealed class CareGrantConfiguration : IEntityTypeConfiguration<CareGrant>
{
    public void Configure(EntityTypeBuilder<CareGrant> builder)
    {
        builder.ToTable("CareGrants");
        builder.HasKey(g => g.Id);
        builder.Property(g => g.PatientId).IsRequired().HasMaxLength(450);
        builder.Property(g => g.MidwifeId).IsRequired().HasMaxLength(450);
        builder.HasIndex(g => g.PatientId);
        builder.HasIndex(g => new { g.MidwifeId, g.RevokedAtUtc });
    }
}

internal sealed class ShareCodeConfiguration : IEntityTypeConfiguration<ShareCode>
{
    public void Configure(EntityTypeBuilder<ShareCode> builder)
    {
        builder.ToTable("ShareCodes");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.PatientId).IsRequired().HasMaxLength(450);
        builder.Property(c => c.CodeHash).IsRequired().HasMaxLength(64);
        builder.HasIndex(c => c.CodeHash).IsUnique();
        builder.HasIndex(c => c.PatientId);
    }
}
