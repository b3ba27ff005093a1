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

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }
}
