using Microsoft.Extensions.Configuration;

namespace LegCrampCare.Infrastructure;

/// <summary>
/// Where the data lives. With nothing configured the app uses SQLite in its data folder
/// (<c>Data:Folder</c>, default: the user's local application-data folder + "LegCrampCare"), so the web app and the
/// command-line tool find the same database on a fresh machine.
/// </summary>
public sealed class DatabaseOptions
{
    public const string ConnectionStringName = "LegCrampCare";

    public string Provider { get; set; } = "Sqlite";

    public string? ConnectionString { get; set; }

    public string DataFolder { get; set; } = "";

    public static DatabaseOptions From(IConfiguration configuration)
    {
        var options = new DatabaseOptions
        {
            Provider = configuration["Database:Provider"] is { Length: > 0 } provider ? provider : "Sqlite",
            ConnectionString = configuration.GetConnectionString(ConnectionStringName),
            DataFolder = configuration["Data:Folder"] is { Length: > 0 } folder ? Path.GetFullPath(folder) : DefaultDataFolder,
        };
        if (!string.Equals(options.Provider, "Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException(
                $"Database:Provider '{options.Provider}' is not supported yet. This release supports 'Sqlite' (PostgreSQL is planned).");
        }

        return options;
    }

    public static string DefaultDataFolder =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "LegCrampCare");

    public string EffectiveConnectionString =>
        string.IsNullOrWhiteSpace(ConnectionString)
            ? $"Data Source={Path.Combine(DataFolder, "legcrampcare.db")}"
            : ConnectionString;
}
