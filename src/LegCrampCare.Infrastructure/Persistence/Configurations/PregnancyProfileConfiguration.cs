using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;
using LegCrampCare.Core.Features.Profile;
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
        builder.HasTextLimit(p => p.DisplayName, SaveProfileRequestValidator.MaxDisplayNameLength).IsRequired();
        builder.HasTextLimit(p => p.HospitalNumber, SaveProfileRequestValidator.MaxHospitalNumberLength);
        builder.Property(p => p.TimeZoneId).IsRequired().HasMaxLength(64);
        builder.HasTextLimit(p => p.MaternityPhone, 16); // E.164: + and at most 15 digits
    }
}
