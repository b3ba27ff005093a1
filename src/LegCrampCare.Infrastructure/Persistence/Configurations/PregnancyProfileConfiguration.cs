using LegCrampCare.Core.Domain;
using LegCrampCare.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LegCrampCare.Infrastructure.Persistence.Configurations;

public sealed class PregnancyProfileConfiguration : IEntityTypeConfiguration<PregnancyProfile>
{
    public void Configure(EntityTypeBuilder<PregnancyProfile> builder)
    {
        builder.ToTable("PregnancyProfiles");
        builder.HasKey(p => p.UserId);
        builder.HasOne<ApplicationUser>().WithOne().HasForeignKey<PregnancyProfile>(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(p => p.DisplayName).IsRequired().HasMaxLength(100);
        builder.Property(p => p.HospitalNumber).HasMaxLength(20);
        builder.Property(p => p.TimeZoneId).IsRequired().HasMaxLength(64);
        builder.Property(p => p.MaternityPhone).HasMaxLength(16); // E.164: + and at most 15 digits
    }
}
