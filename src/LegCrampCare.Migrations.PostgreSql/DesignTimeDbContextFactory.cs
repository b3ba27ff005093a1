using LegCrampCare.Infrastructure;
using LegCrampCare.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace LegCrampCare.Migrations.PostgreSql;

/// <summary>Used only by `dotnet ef migrations add` for the PostgreSQL set (ADR 0022); no server is needed to add one.</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args) =>
        new((DbContextOptions<AppDbContext>)DependencyInjection.UseDatabase(
            new DbContextOptionsBuilder<AppDbContext>(),
            new DatabaseOptions { Provider = DatabaseProvider.PostgreSql, ConnectionString = "Host=127.0.0.1;Database=legcrampcare_design_time" }).Options);
}
