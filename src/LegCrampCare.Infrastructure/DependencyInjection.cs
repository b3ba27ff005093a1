using LegCrampCare.Core.Abstractions;
using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;
using LegCrampCare.Core.Features.Review;
using LegCrampCare.Infrastructure.Exports;
using LegCrampCare.Infrastructure.Email;
using LegCrampCare.Infrastructure.Identity;
using LegCrampCare.Infrastructure.Persistence;
using LegCrampCare.Infrastructure.Stores;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace LegCrampCare.Infrastructure;

public static class DependencyInjection
{
    /// <summary>Database (a DbContext per operation), stores, audit log and data-protection keys.</summary>
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(configuration);

        // Read when first resolved, so that configuration added after this call (test hosts, environment) counts.
        services.AddSingleton(sp => DatabaseOptions.From(sp.GetRequiredService<IConfiguration>()));
        services.AddSingleton<SqliteDurabilityInterceptor>();
        // Pooled: a context per operation is cheap to get (the API logs thousands a second); each is reset when returned.
        services.AddPooledDbContextFactory<AppDbContext>((sp, db) => UseDatabase(db, sp.GetRequiredService<DatabaseOptions>(), sp));

        // The static-SSR Identity pages and the data-protection key ring use a scoped context (from the pool).
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext());

        services.TryAddTimeProvider();
        services.AddSingleton<EpisodeWriter>();
        services.AddSingleton<IEpisodeStore, EpisodeStore>();
        services.AddSingleton<IProfileStore, ProfileStore>();
        services.AddSingleton<IAuditLog, AuditLog>();
        services.AddSingleton<IGuidanceStore, GuidanceStore>();
        services.AddSingleton<IStaffDirectory, StaffDirectory>();
        services.AddSingleton<ISharingStore, SharingStore>();
        services.AddSingleton<IReportWriter, ReportWriter>();
        services.AddSingleton<ICaseloadStore, CaseloadStore>();
        services.AddSingleton<IRuleSetUpgradeStore, RuleSetUpgradeStore>();
        services.AddSingleton<Seed.GuidanceSeeder>();
        services.AddSingleton<AccountEraser>();
        services.AddScoped<DatabaseInitializer>();
        services.AddSingleton<MigrationStatus>();
        services.AddDataProtection().SetApplicationName("LegCrampCare").PersistKeysToDbContext<AppDbContext>();
        return services;
    }

    /// <summary>
    /// The configured provider with its migrations assembly (ADR 0022): SQLite with the durability pragmas on every
    /// handle (ADR 0004), or PostgreSQL with <c>synchronous_commit=on</c> in the connection's start-up options.
    /// </summary>
    public static DbContextOptionsBuilder UseDatabase(DbContextOptionsBuilder db, DatabaseOptions options, IServiceProvider? services = null) =>
        options.Provider switch
        {
            DatabaseProvider.PostgreSql => db.UseNpgsql(
                PostgreSqlConnectionString(options.EffectiveConnectionString),
                npgsql => npgsql.MigrationsAssembly(options.MigrationsAssembly)),
            _ => db
                .UseSqlite(options.EffectiveConnectionString, sqlite => sqlite.MigrationsAssembly(options.MigrationsAssembly))
                .AddInterceptors(services?.GetService<SqliteDurabilityInterceptor>() ?? new SqliteDurabilityInterceptor()),
        };

    /// <summary>
    /// Her data is acknowledged only after a durable commit: <c>synchronous_commit=on</c> for every session, whatever the
    /// server's default or an option in the connection string, set last in the start-up packet (the last setting wins; no
    /// extra round trip). Other options in the string are kept.
    /// </summary>
    public static string PostgreSqlConnectionString(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        builder.Options = ((builder.Options ?? "") + " -c synchronous_commit=on").Trim();
        return builder.ConnectionString;
    }

    /// <summary>
    /// Identity with the password policy of docs/decisions/0005-accounts-and-passwords.md: 12+ characters, no
    /// composition rules, common passwords refused, lockout after 5 failures, PBKDF2 with 210,000 iterations. Staff
    /// invitation links get their own token provider and lifespan (<c>Invitations:LinkLifetime</c>, 72 hours by default),
    /// so password-reset links keep theirs.
    /// </summary>
    public static IdentityBuilder AddIdentityStores(this IServiceCollection services)
    {
        services.Configure<PasswordHasherOptions>(o => o.IterationCount = 210_000);
        services.TryAddTimeProvider();
        services.AddOptions<StaffInvitationTokenProviderOptions>()
            .Configure<IConfiguration>((o, configuration) =>
            {
                if (configuration.GetValue<TimeSpan?>(StaffInvitationTokenProviderOptions.LifetimeSetting) is { } lifetime)
                {
                    o.TokenLifespan = lifetime;
                }
            })
            .Validate(o => o.TokenLifespan > TimeSpan.Zero && o.TokenLifespan <= StaffInvitationTokenProviderOptions.MaxLifespan,
                $"{StaffInvitationTokenProviderOptions.LifetimeSetting} must be more than 0 and at most 30.00:00:00 (30 days), for example 3.00:00:00 for 72 hours.")
            .ValidateOnStart();
        return services
            .AddIdentityCore<ApplicationUser>(o =>
            {
                o.SignIn.RequireConfirmedAccount = false;
                o.User.RequireUniqueEmail = true;
                // The user name is the email address: every character EmailAddresses accepts (o'neill@…, a+b@…).
                o.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.@-_+'!#$%&*/=?^`{|}~";
                o.Password.RequiredLength = 12;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 1;
                // Identity's counter is for wrong two-step codes only (after a right password): 5, then 15 minutes. The web
                // app's sign-in page decides itself when wrong passwords lock an account (SignInThrottle, ADR 0018).
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<AppDbContext>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<StaffInvitationTokenProvider>(StaffInvitationTokenProviderOptions.ProviderName)
            .AddPasswordValidator<CommonPasswordValidator>();
    }

    /// <summary>
    /// Account emails (staff invitations, password resets) through the SMTP server of the "Email" settings, or to the
    /// log in Development: <see cref="IEmailSender{TUser}"/> and <see cref="IAccountEmailSender"/>. Settings that can't
    /// work stop the app at start with a message naming them. Needs an <c>IHostEnvironment</c>.
    /// </summary>
    public static IServiceCollection AddAccountEmail(this IServiceCollection services)
    {
        services.AddOptions<EmailOptions>().BindConfiguration(EmailOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<EmailOptions>, EmailOptionsValidator>();
        services.AddSingleton<IEmailTransport, SmtpEmailTransport>();
        services.AddSingleton<AccountEmailSender>();
        services.AddSingleton<IEmailSender<ApplicationUser>>(sp => sp.GetRequiredService<AccountEmailSender>());
        services.AddSingleton<IAccountEmailSender>(sp => sp.GetRequiredService<AccountEmailSender>());
        return services;
    }

    private static void TryAddTimeProvider(this IServiceCollection services)
    {
        if (!services.Any(d => d.ServiceType == typeof(TimeProvider)))
        {
            services.AddSingleton(TimeProvider.System);
        }
    }
}

/// <summary>What the app found about the database's migrations at start (the health check reports it).</summary>
public sealed class MigrationStatus
{
    /// <summary>What an operator runs to apply them.</summary>
    public const string Command = "dotnet run --project src/LegCrampCare.Cli -- migrate, or LegCrampCare.Cli migrate when published";

    /// <summary>Migrations this build has that the database has not: the node is not ready until `migrate` runs.</summary>
    public IReadOnlyList<string> Pending { get; set; } = [];
}

/// <summary>
/// Waits for the database server (PostgreSQL, about 30 s), then — when migrations are applied on start, or for the
/// `migrate` command — creates the data folder and the database, applies migrations, makes sure every role exists and
/// adds the shipped guidance articles that are not there yet. Otherwise it only records pending migrations.
/// </summary>
public sealed class DatabaseInitializer(
    IDbContextFactory<AppDbContext> contexts,
    AppDbContext scoped,
    RoleManager<IdentityRole> roles,
    DatabaseOptions options,
    MigrationStatus status,
    Seed.GuidanceSeeder guidance,
    TimeProvider time)
{
    /// <summary>Applies migrations when <paramref name="migrate"/> says so, or as <c>Database:MigrateOnStart</c> does.</summary>
    public async Task<int> InitializeAsync(bool? migrate = null, CancellationToken ct = default)
    {
        if (options.Provider == DatabaseProvider.Sqlite && string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            Directory.CreateDirectory(options.DataFolder);
        }

        await WaitForServerAsync(ct);
        int applied;
        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            var all = db.Database.GetMigrations().ToList();
            var known = all.ToHashSet(StringComparer.Ordinal);
            var unknown = (await db.Database.GetAppliedMigrationsAsync(ct)).Where(m => !known.Contains(m)).ToList();
            if (unknown.Count > 0)
            {
                // Older than this build's first migration: a development database from before the squash (ADR 0022).
                // Otherwise a newer version of the app migrated it (a rollback, or an old node in a rolling update).
                var first = all.Count > 0 ? all[0] : "";
                throw new InvalidOperationException(unknown.All(m => string.CompareOrdinal(m, first) < 0)
                    ? $"The database has migrations this build does not know ({string.Join(", ", unknown.Take(3))}…): it was made by an earlier " +
                      "development build, before the migrations were squashed into one baseline (ADR 0022). Nothing had been deployed then: " +
                      "delete that database (legcrampcare.db in the data folder) or use another Data:Folder."
                    : $"The database was migrated by a newer version of LegCrampCare ({string.Join(", ", unknown.Take(3))}). Run that version, " +
                      "or restore the backup taken before the upgrade; this older version does not start on it.");
            }

            var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
            if (!(migrate ?? options.MigrateOnStart))
            {
                status.Pending = pending;
                return 0;
            }

            await db.Database.MigrateAsync(ct);
            applied = pending.Count;
        }

        status.Pending = [];
        if (options.Provider == DatabaseProvider.Sqlite)
        {
            // Migrations may switch pragmas on the handles they used (a table rebuild turns foreign keys off and on); the
            // durability pragmas are set once per pooled handle, so start every later connection on a fresh one.
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        }

        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                try
                {
                    await roles.CreateAsync(new IdentityRole(role));
                }
                catch (DbUpdateException)
                {
                    // Another machine running `migrate` (or a node starting) added it first: the unique index kept one.
                    scoped.ChangeTracker.Clear();
                    if (!await roles.RoleExistsAsync(role))
                    {
                        throw;
                    }
                }
            }
        }

        // The shipped guidance pages, in every environment: added once each, never overwriting editors' work.
        await guidance.SeedAsync(ct);
        return applied;
    }

    private static Exception Unwrap(Exception ex) => ex is InvalidOperationException { InnerException: { } inner } ? inner : ex;

    /// <summary>A PostgreSQL server starting at the same time as the app is waited for; SQLite needs no wait.</summary>
    private async Task WaitForServerAsync(CancellationToken ct)
    {
        if (options.Provider != DatabaseProvider.PostgreSql)
        {
            return;
        }

        var until = time.GetUtcNow() + options.ServerWait;
        Exception? last = null;
        while (true)
        {
            try
            {
                await using var db = await contexts.CreateDbContextAsync(ct);
                await db.Database.OpenConnectionAsync(ct);
                return;
            }
            catch (Exception ex) when (Unwrap(ex) is Npgsql.PostgresException { SqlState: "3D000" })
            {
                var builder = new Npgsql.NpgsqlConnectionStringBuilder(options.ConnectionString);
                throw new InvalidOperationException(
                    $"The PostgreSQL server at {builder.Host}:{builder.Port} has no database '{builder.Database}'. Create it, owned by the app's role " +
                    $"(createdb -O {builder.Username} {builder.Database}), then run the migrate command.", ex);
            }
            catch (Exception ex) when (Unwrap(ex) is Npgsql.NpgsqlException { IsTransient: true } or System.Net.Sockets.SocketException or TimeoutException)
            {
                last = ex; // not up yet: wait
            }
            catch (Exception ex) when (Unwrap(ex) is Npgsql.PostgresException postgres)
            {
                // A refusal that waiting will not change (a wrong password, no pg_hba.conf entry, no permission).
                throw new InvalidOperationException(
                    $"The PostgreSQL server refused the connection: {postgres.MessageText} ({postgres.SqlState}). Check ConnectionStrings:LegCrampCare.", ex);
            }

            if (time.GetUtcNow() >= until)
            {
                var builder = new Npgsql.NpgsqlConnectionStringBuilder(options.ConnectionString);
                throw new InvalidOperationException(
                    $"Could not reach the PostgreSQL server at {builder.Host}:{builder.Port} (database '{builder.Database}') for " +
                    $"{options.ServerWait.TotalSeconds:0} seconds: {(last?.InnerException ?? last)?.Message} Check ConnectionStrings:LegCrampCare and that the server is running.", last);
            }

            await Task.Delay(TimeSpan.FromSeconds(1), time, ct);
        }
    }
}
