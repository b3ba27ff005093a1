using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LegCrampCare.Infrastructure.Persistence;

/// <summary>/health: is the database reachable, with every migration of this build applied?</summary>
public sealed class DatabaseHealthCheck(IDbContextFactory<AppDbContext> contexts, MigrationStatus migrations) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (migrations.Pending.Count > 0)
        {
            return HealthCheckResult.Unhealthy($"{migrations.Pending.Count} database migrations are pending: run {MigrationStatus.Command}");
        }

        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            return await db.Database.CanConnectAsync(cancellationToken)
                ? HealthCheckResult.Healthy("Database reachable")
                : HealthCheckResult.Unhealthy("Database not reachable");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("Database not reachable");
        }
    }
}
