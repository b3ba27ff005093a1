using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LegCrampCare.Tests.Shared;

/// <summary>
/// The real app, in-process, on a temp SQLite database in its own data folder — or, with
/// <c>LCC_TEST_DATABASE=PostgreSql</c>, on a new database of the PostgreSQL server in <c>LCC_TEST_POSTGRES</c>, dropped
/// afterwards (ADR 0022; `.ci/run` runs some journeys so). Environment "Testing": no demo accounts; static web assets
/// served from the build output (dev-environment gotcha 5).
/// </summary>
public class TestAppFactory : WebApplicationFactory<Program>
{
    public string DataFolder { get; } = Path.Combine(Path.GetTempPath(), "lcc-tests-" + Guid.NewGuid().ToString("N")[..12]);

    /// <summary>Replaces the app's clock when set (e.g. to emulate 23:00).</summary>
    public TimeProvider? Time { get; init; }

    /// <summary>
    /// Replaces the app's SMTP transport when set: every email (invitations, password resets) is kept there for the test
    /// to read instead of being sent.
    /// </summary>
    public CapturingEmailTransport? Emails { get; init; }

    /// <summary>
    /// The address every request comes from when set (the in-process server gives none), e.g. a reverse proxy's.
    /// </summary>
    public System.Net.IPAddress? RemoteAddress { get; init; }

    public IDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>();

    /// <summary>"Testing" (no demo accounts) unless a test needs another environment.</summary>
    public string Environment { get; init; } = "Testing";

    /// <summary>The PostgreSQL database this app runs on, when the tests run on PostgreSQL.</summary>
    private string? _postgreSqlDatabase;

    private static bool OnPostgreSql =>
        string.Equals(System.Environment.GetEnvironmentVariable("LCC_TEST_DATABASE")?.Trim(), "PostgreSql", StringComparison.OrdinalIgnoreCase);

    private static string PostgreSqlServer =>
        System.Environment.GetEnvironmentVariable("LCC_TEST_POSTGRES") is { Length: > 0 } server
            ? server
            : "Host=127.0.0.1;Port=5432;Database=postgres;Username=lcc;Password=lcc-ci-only";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        builder.UseStaticWebAssets();
        var settings = new Dictionary<string, string?>
        {
            ["Data:Folder"] = DataFolder,
            ["Auth:RevalidationInterval"] = "00:00:05",
            ["RateLimits:AccountPostsPerMinute"] = "100",
            ["Api:RequestsPerMinute"] = "100000",

            // Staff sign in with a password alone, as in Development; StaffTwoFactorTests set "Required".
            ["Auth:StaffTwoFactor"] = "Off",
        };
        if (OnPostgreSql)
        {
            _postgreSqlDatabase ??= CreatePostgreSqlDatabase();
            settings["Database:Provider"] = "PostgreSql";
            settings["Database:MigrateOnStart"] = "true";
            settings["ConnectionStrings:LegCrampCare"] = new Npgsql.NpgsqlConnectionStringBuilder(PostgreSqlServer) { Database = _postgreSqlDatabase }.ConnectionString;
        }

        foreach (var (key, value) in Settings)
        {
            settings[key] = value;
        }

        builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(settings));
        if (Time is not null)
        {
            builder.ConfigureServices(services => services.Replace(ServiceDescriptor.Singleton(Time)));
        }

        if (RemoteAddress is { } address)
        {
            // Outermost, before the app's own forwarded-headers filter.
            builder.ConfigureServices(services => services.Insert(0, ServiceDescriptor.Singleton<Microsoft.AspNetCore.Hosting.IStartupFilter>(new FromAddress(address))));
        }

        if (Emails is not null)
        {
            builder.ConfigureServices(services => services.Replace(ServiceDescriptor.Singleton<LegCrampCare.Infrastructure.Email.IEmailTransport>(Emails)));
        }
    }

    private static string CreatePostgreSqlDatabase()
    {
        var name = "lcc_app_" + Guid.NewGuid().ToString("N");
        using var admin = new Npgsql.NpgsqlConnection(PostgreSqlServer);
        admin.Open();
        using var create = admin.CreateCommand();
        create.CommandText = $"CREATE DATABASE \"{name}\"";
        create.ExecuteNonQuery();
        return name;
    }

    /// <summary>
    /// Drops a test database. Its last connections may be the server's own (autovacuum), which only a member of
    /// pg_signal_backend may end: tried a few times, and a database left behind never fails a test.
    /// </summary>
    internal static async Task DropPostgreSqlDatabaseAsync(string server, string database)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            try
            {
                await using var admin = new Npgsql.NpgsqlConnection(server);
                await admin.OpenAsync();
                await using var drop = admin.CreateCommand();
                drop.CommandText = $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)";
                await drop.ExecuteNonQueryAsync();
                return;
            }
            catch (Npgsql.PostgresException)
            {
                await Task.Delay(500);
            }
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_postgreSqlDatabase is not null)
        {
            Npgsql.NpgsqlConnection.ClearAllPools();
            await DropPostgreSqlDatabaseAsync(PostgreSqlServer, _postgreSqlDatabase);
        }

        try
        {
            if (Directory.Exists(DataFolder))
            {
                Directory.Delete(DataFolder, recursive: true);
            }
        }
        catch (IOException)
        {
            // A log file may still be held for a moment; the temp folder is cleaned by the OS.
        }
    }

    /// <summary>All text the app has written to its log files so far.</summary>
    public string ReadLogs()
    {
        var folder = Path.Combine(DataFolder, "logs");
        if (!Directory.Exists(folder))
        {
            return "";
        }

        return string.Join('\n', Directory.GetFiles(folder).Select(f =>
        {
            using var stream = new FileStream(f, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }));
    }
}

/// <summary>The system clock shifted so that "now" starts at a chosen instant and then runs normally.</summary>
public sealed class ShiftedTimeProvider(DateTimeOffset start) : TimeProvider
{
    private readonly TimeSpan _offset = start - TimeProvider.System.GetUtcNow();

    public override DateTimeOffset GetUtcNow() => TimeProvider.System.GetUtcNow() + _offset;
}

/// <summary>Sets the connection's remote address before the app's own middleware runs.</summary>
internal sealed class FromAddress(System.Net.IPAddress address) : Microsoft.AspNetCore.Hosting.IStartupFilter
{
    public Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> Configure(Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> next) => app =>
    {
        app.Use((context, following) =>
        {
            context.Connection.RemoteIpAddress = address;
            return following(context);
        });
        next(app);
    };
}
