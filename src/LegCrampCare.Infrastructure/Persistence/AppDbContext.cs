using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;
using LegCrampCare.Infrastructure.Identity;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace LegCrampCare.Infrastructure.Persistence;

/// <summary>
/// The one database: Identity, the patient's data, the audit trail and the data-protection keys. Created per
/// operation through <see cref="IDbContextFactory{TContext}"/> (see docs/decisions/0002-dbcontext-per-operation.md).
/// </summary>
public sealed class AppDbContext(DbContextOptions<AppDbContext> options)
    : IdentityDbContext<ApplicationUser>(options), IDataProtectionKeyContext
{
    public DbSet<Episode> Episodes => Set<Episode>();

    public DbSet<PregnancyProfile> Profiles => Set<PregnancyProfile>();

    public DbSet<Assessment> Assessments => Set<Assessment>();

    public DbSet<GuidanceArticle> GuidanceArticles => Set<GuidanceArticle>();

    public DbSet<GuidanceRevision> GuidanceRevisions => Set<GuidanceRevision>();

    public DbSet<CareGrant> CareGrants => Set<CareGrant>();

    public DbSet<ShareCode> ShareCodes => Set<ShareCode>();

    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();

    public DbSet<FlagReview> FlagReviews => Set<FlagReview>();

    public DbSet<PatientNight> PatientNights => Set<PatientNight>();

    public DbSet<PatientActivity> PatientActivity => Set<PatientActivity>();

    public DbSet<UnreviewedFlag> UnreviewedFlags => Set<UnreviewedFlag>();

    public DbSet<ReleaseTask> ReleaseTasks => Set<ReleaseTask>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>
    /// Every <c>DateTime</c> is UTC on both providers (ADR 0022): written as UTC to the microsecond (a local time
    /// converted, an unspecified one taken as UTC, which PostgreSQL's <c>timestamp with time zone</c> insists on) and read
    /// back as UTC.
    /// </summary>
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }
}

/// <summary>
/// The UTC convention of <see cref="AppDbContext.ConfigureConventions"/>, to the microsecond on both providers (the
/// precision of PostgreSQL's timestamps), so an instant reads back the same whichever database keeps it.
/// </summary>
public sealed class UtcDateTimeConverter() : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTime, DateTime>(
    v => ToStored(v),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc))
{
    private const long TicksPerMicrosecond = 10;

    public static DateTime ToStored(DateTime value)
    {
        var utc = value.Kind switch
        {
            DateTimeKind.Utc => value,
            DateTimeKind.Local => value.ToUniversalTime(),
            _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
        };
        return new DateTime(utc.Ticks - (utc.Ticks % TicksPerMicrosecond), DateTimeKind.Utc);
    }
}
