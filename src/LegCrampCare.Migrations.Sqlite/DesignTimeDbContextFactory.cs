using LegCrampCare.Infrastructure;
using LegCrampCare.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace LegCrampCare.Migrations.Sqlite;

/// <summary>Used only by `dotnet ef migrations add` for the SQLite set (ADR 0022, docs/operations.md).</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args) =>
        new((DbContextOptions<AppDbContext>)DependencyInjection.UseDatabase(
            new DbContextOptionsBuilder<AppDbContext>(),
            new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = "Data Source=design-time.db" }).Options);
}
