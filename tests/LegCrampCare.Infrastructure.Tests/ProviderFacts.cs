namespace LegCrampCare.Infrastructure.Tests;

/// <summary>A test of something only SQLite has (its pragmas, its query planner): skipped when the suite runs on PostgreSQL.</summary>
public sealed class SqliteFactAttribute : FactAttribute
{
    public SqliteFactAttribute()
    {
        if (TestDatabase.Provider != DatabaseProvider.Sqlite)
        {
            Skip = "SQLite only; this run is on " + TestDatabase.Provider;
        }
    }
}

/// <summary>The theory form of <see cref="SqliteFactAttribute"/>.</summary>
public sealed class SqliteTheoryAttribute : TheoryAttribute
{
    public SqliteTheoryAttribute()
    {
        if (TestDatabase.Provider != DatabaseProvider.Sqlite)
        {
            Skip = "SQLite only; this run is on " + TestDatabase.Provider;
        }
    }
}

/// <summary>A test of something only PostgreSQL has: skipped unless the suite runs on PostgreSQL (LCC_TEST_DATABASE).</summary>
public sealed class PostgreSqlFactAttribute : FactAttribute
{
    public PostgreSqlFactAttribute()
    {
        if (TestDatabase.Provider != DatabaseProvider.PostgreSql)
        {
            Skip = "PostgreSQL only; run with LCC_TEST_DATABASE=PostgreSql (.ci/run does)";
        }
    }
}
