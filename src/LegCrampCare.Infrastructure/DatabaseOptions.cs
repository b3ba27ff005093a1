using Microsoft.Extensions.Configuration;

namespace LegCrampCare.Infrastructure;

/// <summary>The databases the app runs on (ADR 0022).</summary>
public enum DatabaseProvider
{
    /// <summary>A file in the data folder: the embedded default, one app process.</summary>
    Sqlite,

    /// <summary>A PostgreSQL server: a whole maternity service, one or several app nodes.</summary>
    PostgreSql,
}

/// <summary>
/// Where the data lives. With nothing configured the app uses SQLite in its data folder
/// (<c>Data:Folder</c>, default: the user's local application-data folder + "LegCrampCare"), so the web app and the
/// command-line tool find the same database on a fresh machine. <c>Database:Provider</c> = <c>PostgreSql</c> (or
/// <c>PostgreSQL</c>) with <c>ConnectionStrings:LegCrampCare</c> uses a PostgreSQL server instead.
/// </summary>
public sealed class DatabaseOptions
{
    public const string ConnectionStringName = "LegCrampCare";
    public const string ProviderSetting = "Database:Provider";
    public const string ConnectionStringSetting = "ConnectionStrings:" + ConnectionStringName;

    /// <summary>The migrations of each provider live in their own assembly (ADR 0022).</summary>
    public const string SqliteMigrationsAssembly = "LegCrampCare.Migrations.Sqlite";
    public const string PostgreSqlMigrationsAssembly = "LegCrampCare.Migrations.PostgreSql";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    public string? ConnectionString { get; set; }

    public string DataFolder { get; set; } = "";

    /// <summary>
    /// Whether the app applies pending migrations when it starts (<c>Database:MigrateOnStart</c>): by default yes on
    /// SQLite (one command runs the app), no on PostgreSQL (the <c>migrate</c> command does it, once, before the nodes).
    /// </summary>
    public bool MigrateOnStart { get; set; } = true;

    /// <summary>How long an unreachable PostgreSQL is waited for at start (<c>Database:ServerWait</c>, default 30 s).</summary>
    public TimeSpan ServerWait { get; set; } = TimeSpan.FromSeconds(30);

    public string MigrationsAssembly => Provider == DatabaseProvider.PostgreSql ? PostgreSqlMigrationsAssembly : SqliteMigrationsAssembly;

    /// <summary>Reads the settings; a provider it does not know, or PostgreSQL without a connection string, stops here.</summary>
    public static DatabaseOptions From(IConfiguration configuration)
    {
        var provider = ParseProvider(configuration[ProviderSetting]);
        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        if (provider == DatabaseProvider.PostgreSql && string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                $"{ProviderSetting} is PostgreSql, but {ConnectionStringSetting} is not set. Set it (environment variable " +
                "ConnectionStrings__LegCrampCare) to a PostgreSQL connection string, for example " +
                "\"Host=db.example.org;Database=legcrampcare;Username=legcrampcare;Password=…\".");
        }

        var migrateOnStart = configuration["Database:MigrateOnStart"] is { Length: > 0 } migrate
            ? bool.TryParse(migrate, out var value)
                ? value
                : throw new InvalidOperationException($"Database:MigrateOnStart is '{migrate}': use true or false.")
            : provider == DatabaseProvider.Sqlite;

        return new DatabaseOptions
        {
            Provider = provider,
            ConnectionString = connectionString,
            DataFolder = configuration["Data:Folder"] is { Length: > 0 } folder ? Path.GetFullPath(folder) : DefaultDataFolder,
            MigrateOnStart = migrateOnStart,
            ServerWait = configuration["Database:ServerWait"] is { Length: > 0 } wait
                ? TimeSpan.TryParse(wait, System.Globalization.CultureInfo.InvariantCulture, out var span) && span >= TimeSpan.Zero && span <= TimeSpan.FromMinutes(10)
                    ? span
                    : throw new InvalidOperationException($"Database:ServerWait is '{wait}': use a time from 00:00:00 to 00:10:00, for example 00:00:30.")
                : TimeSpan.FromSeconds(30),
        };
    }

    /// <summary><c>Sqlite</c> (also when not set), <c>PostgreSql</c> or <c>PostgreSQL</c>, in any case.</summary>
    public static DatabaseProvider ParseProvider(string? value) =>
        string.IsNullOrWhiteSpace(value) || string.Equals(value.Trim(), "Sqlite", StringComparison.OrdinalIgnoreCase)
            ? DatabaseProvider.Sqlite
            : string.Equals(value.Trim(), "PostgreSql", StringComparison.OrdinalIgnoreCase)
                ? DatabaseProvider.PostgreSql
                : throw new InvalidOperationException(
                    $"{ProviderSetting} is '{value}', which this app does not know. Use Sqlite (the default: a file in the data " +
                    "folder) or PostgreSql (with ConnectionStrings:LegCrampCare).");

    public static string DefaultDataFolder =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "LegCrampCare");

    public string EffectiveConnectionString =>
        string.IsNullOrWhiteSpace(ConnectionString)
            ? $"Data Source={Path.Combine(DataFolder, "legcrampcare.db")}"
            : ConnectionString;
}
