using LegCrampCare.Core.Common;
using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;
using LegCrampCare.Core.Triage;
using LegCrampCare.Infrastructure;
using LegCrampCare.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LegCrampCare.Cli;

/// <summary>
/// Operator commands, over the same Infrastructure as the web app. Configuration comes from environment variables
/// (Data__Folder, ConnectionStrings__LegCrampCare) or an appsettings.json in the current folder; with neither, it uses
/// the same default data folder as the web app.
/// </summary>
public static class CliApp
{
    public const string PasswordVariable = "LEGCRAMPCARE_ADMIN_PASSWORD";

    private const string Usage = """
        Usage:
          migrate                  apply the database's migrations, add the roles and the shipped guidance pages
                                   (safe to run again); needed before the app starts on PostgreSQL
          users add-admin EMAIL    create the first (or another) admin account; the password is read from the
                                   LEGCRAMPCARE_ADMIN_PASSWORD environment variable, or asked for
          backup FILE              write a checked copy of the live database to a new FILE while the app runs
                                   (exit 0 written and checked, 1 failed, 2 bad FILE)
          triage CASES.json [--check]
                                   assess every case of a triage case file with the app's rule engine: one JSON
                                   line per case; with --check, compare with "expected" and end with
                                   "N passed, M failed" (exit 0 all evaluated/passed, 1 a check failed,
                                   2 a malformed file)
        """;

    public static async Task<int> RunAsync(string[] args, TextReader input, TextWriter output, TextWriter error, IConfiguration? configuration = null)
    {
        if (args is ["triage", var casesPath, .. var flags] && flags.All(f => f == "--check"))
        {
            configuration ??= new ConfigurationBuilder()
                .AddJsonFile("appsettings.json", optional: true)
                .AddEnvironmentVariables()
                .Build();
            TriageEngine engine;
            try
            {
                engine = new TriageEngine(configuration.GetSection(TriageOptions.SectionName).Get<TriageOptions>() ?? TriageOptions.Default);
            }
            catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
            {
                await error.WriteLineAsync($"The Triage settings are not usable: {ex.Message}");
                return 2;
            }

            return await TriageCommand.RunAsync(casesPath, check: flags.Length > 0, engine, output, error);
        }

        if (args is ["backup", var target])
        {
            configuration ??= new ConfigurationBuilder()
                .AddJsonFile("appsettings.json", optional: true)
                .AddEnvironmentVariables()
                .Build();
            DatabaseOptions database;
            try
            {
                database = DatabaseOptions.From(configuration);
            }
            catch (InvalidOperationException ex)
            {
                await error.WriteLineAsync(ex.Message);
                return 1;
            }

            if (database.Provider == DatabaseProvider.PostgreSql)
            {
                await error.WriteLineAsync("backup copies a SQLite database. On PostgreSQL use pg_dump -Fc (docs/operations.md, \"Backups on PostgreSQL\").");
                return 2;
            }

            return await BackupCommand.RunAsync(target, database, TimeProvider.System, output, error);
        }

        if (args is ["migrate"])
        {
            configuration ??= new ConfigurationBuilder()
                .AddJsonFile("appsettings.json", optional: true)
                .AddEnvironmentVariables()
                .Build();
            return await MigrateAsync(configuration, output, error);
        }

        if (args is ["users", "add-admin", var email])
        {
            configuration ??= new ConfigurationBuilder()
                .AddJsonFile("appsettings.json", optional: true)
                .AddEnvironmentVariables()
                .Build();
            return await AddAdminAsync(email, configuration, input, output, error);
        }

        await error.WriteLineAsync(Usage);
        return 2;
    }

    private static async Task<int> MigrateAsync(IConfiguration configuration, TextWriter output, TextWriter error)
    {
        try
        {
            var services = new ServiceCollection()
                .AddLogging(l => l.SetMinimumLevel(LogLevel.Warning))
                .AddInfrastructure(configuration);
            services.AddIdentityStores();
            await using var provider = services.BuildServiceProvider();
            await using var scope = provider.CreateAsyncScope();
            var applied = await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(migrate: true);
            await output.WriteLineAsync(applied == 0
                ? "The database was up to date; roles and guidance pages checked."
                : $"{applied} migration(s) applied; roles and guidance pages checked.");
            return 0;
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.Data.Common.DbException)
        {
            await error.WriteLineAsync(ex.Message);
            return 1;
        }
    }

    private static async Task<int> AddAdminAsync(string email, IConfiguration configuration, TextReader input, TextWriter output, TextWriter error)
    {
        // The address is not echoed: it could hold characters a terminal acts on.
        if (EmailAddresses.Problem(email) is { } problem)
        {
            await error.WriteLineAsync("The email address: " + problem);
            return 2;
        }

        email = EmailAddresses.Clean(email);

        var password = Environment.GetEnvironmentVariable(PasswordVariable);
        if (string.IsNullOrEmpty(password))
        {
            await output.WriteAsync("Password for the new admin (at least 12 characters): ");
            password = ReferenceEquals(input, Console.In) && !Console.IsInputRedirected ? ReadHidden() : await input.ReadLineAsync();
            await output.WriteLineAsync();
        }

        if (string.IsNullOrEmpty(password))
        {
            await error.WriteLineAsync($"No password given. Type it when asked, or set {PasswordVariable}.");
            return 2;
        }

        var services = new ServiceCollection()
            .AddLogging(l => l.SetMinimumLevel(LogLevel.Warning))
            .AddInfrastructure(configuration);
        services.AddIdentityStores();
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        try
        {
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync();
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.Data.Common.DbException)
        {
            await error.WriteLineAsync(ex.Message);
            return 1;
        }

        if (scope.ServiceProvider.GetRequiredService<MigrationStatus>().Pending.Count > 0)
        {
            await error.WriteLineAsync("The database's migrations are not applied yet: run the migrate command first.");
            return 1;
        }

        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();

        if (await users.FindByEmailAsync(email) is not null)
        {
            await error.WriteLineAsync($"An account with the email {email} already exists. Give it the Admin role on the Users page instead.");
            return 1;
        }

        var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, CreatedAtUtc = TimeProvider.System.GetUtcNow().UtcDateTime };
        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors)
            {
                await error.WriteLineAsync(e.Description);
            }

            return 1;
        }

        await users.AddToRoleAsync(user, Roles.Admin);
        var folder = provider.GetRequiredService<DatabaseOptions>().DataFolder;
        await output.WriteLineAsync($"Admin account {email} created (data folder: {folder}).");
        return 0;
    }

    private static string ReadHidden()
    {
        var chars = new List<char>();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                return new string(chars.ToArray());
            }

            if (key.Key == ConsoleKey.Backspace)
            {
                if (chars.Count > 0)
                {
                    chars.RemoveAt(chars.Count - 1);
                }
            }
            else if (!char.IsControl(key.KeyChar))
            {
                chars.Add(key.KeyChar);
            }
        }
    }
}
