using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using LegCrampCare.Core.Abstractions;
using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;
using LegCrampCare.Infrastructure.Identity;
using LegCrampCare.Infrastructure.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LegCrampCare.Benchmarks;

/// <summary>
/// Logging cramps through the HTTP API (issue 13; docs/performance.md, "Logging through the API"): 50 concurrent clients,
/// each a signed-in patient with her own cookie and antiforgery token, post new cramps to the real app on Kestrel
/// (loopback, SQLite with WAL and synchronous=FULL, the group-commit writer), against the baseline of raw SQLite inserts
/// with the same durability, one row per commit, by 50 concurrent writers, in the same run. Closed loop (each client sends
/// its next request when the answer arrives) for the most a second, then paced at a fixed rate for the latency at that
/// load. Every 201 is checked against the database afterwards: nothing answered as saved may be missing.
/// Not BenchmarkDotNet: the figures are latencies of concurrent requests (median, p99) and a rate, not one call's time.
/// </summary>
public static partial class ApiLoggingBenchmark
{
    private const int Clients = 50;
    private const string Password = "quiet night leg stretch benchmark";

    public static async Task<int> RunAsync(string[] args)
    {
        var seconds = args.Length > 1 && int.TryParse(args[1], CultureInfo.InvariantCulture, out var s) ? s : 10;
        var pacedRates = args.Length > 2
            ? args[2].Split(',').Select(r => int.Parse(r, CultureInfo.InvariantCulture)).ToList()
            : [250, 500, 1000, 2000];
        var duration = TimeSpan.FromSeconds(seconds);
        var root = Path.Combine(Path.GetTempPath(), "legcrampcare-bench", "api-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(root);
        try
        {
            Console.WriteLine($"Logging benchmark: {Clients} clients, {seconds} s per phase, paced at {string.Join(", ", pacedRates)}/s; {Environment.ProcessorCount} cores; server GC: {System.Runtime.GCSettings.IsServerGC}; {root}");
            var raw = await RawInsertsAsync(Path.Combine(root, "raw.db"), duration);
            Print("raw SQLite inserts, one row per durable commit (baseline)", raw);

            await using var app = new BenchmarkApp(Path.Combine(root, "app"));
            var clients = await app.SignInPatientsAsync(Clients);
            await RunApiAsync(clients, TimeSpan.FromSeconds(6), null); // warm-up (tiered JIT reaches its optimised code)
            Console.WriteLine("API phases start (closed loop, then paced)");
            var closed = await RunApiAsync(clients, duration, null);
            Print("API, closed loop (as fast as answers come)", closed);
            var answered = closed.Created;
            var ids = closed.CreatedIds.ToList();
            var errors = closed.Errors;
            foreach (var rate in pacedRates)
            {
                var paced = await RunApiAsync(clients, duration, rate);
                Print($"API, paced at {rate}/s", paced);
                answered += paced.Created;
                ids.AddRange(paced.CreatedIds);
                errors += paced.Errors;
            }

            var stored = await app.CountStoredAsync(ids);
            Console.WriteLine($"lost: {answered - stored} of {answered} answered 201 (stored {stored})");
            Console.WriteLine($"ratio API closed-loop rate / raw rate: {closed.Rate / raw.Rate:0.00}");
            foreach (var c in clients)
            {
                c.Dispose();
            }

            return errors == 0 && answered == stored ? 0 : 1;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(root, recursive: true);
            }
            catch (IOException)
            {
                // Left for the OS to clean.
            }
        }
    }

    private static void Print(string name, Result r) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name}: {r.Count} in {r.Elapsed.TotalSeconds:0.0} s = {r.Rate:0} /s; p50 {r.P(0.50):0.00} ms, p90 {r.P(0.90):0.00} ms, p99 {r.P(0.99):0.00} ms, max {r.P(1.0):0.00} ms; errors {r.Errors}"));

    /// <summary>The baseline: 50 writers, each inserting one row per transaction (WAL, synchronous=FULL), for the duration.</summary>
    private static async Task<Result> RawInsertsAsync(string file, TimeSpan duration)
    {
        var connectionString = $"Data Source={file};Pooling=True";
        await using (var setup = new SqliteConnection(connectionString))
        {
            await setup.OpenAsync();
            await using var create = setup.CreateCommand();
            create.CommandText = "PRAGMA journal_mode=WAL; CREATE TABLE Episodes (Id TEXT PRIMARY KEY, ClientId TEXT NOT NULL, PatientId TEXT NOT NULL, StartedAtUtc TEXT NOT NULL, Night TEXT NOT NULL, Side INTEGER NOT NULL, CreatedAtUtc TEXT NOT NULL); CREATE UNIQUE INDEX IX_Client ON Episodes (PatientId, ClientId); CREATE INDEX IX_Started ON Episodes (PatientId, StartedAtUtc);";
            await create.ExecuteNonQueryAsync();
        }

        var result = new Result();
        var stop = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Clients).Select(client => Task.Run(async () =>
        {
            await using var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync();
            await using (var pragmas = connection.CreateCommand())
            {
                pragmas.CommandText = "PRAGMA synchronous=FULL; PRAGMA busy_timeout=30000;";
                await pragmas.ExecuteNonQueryAsync();
            }

            while (stop.Elapsed < duration)
            {
                var started = Stopwatch.GetTimestamp();
                try
                {
                    await using var tx = await connection.BeginTransactionAsync();
                    await using var insert = connection.CreateCommand();
                    insert.Transaction = (SqliteTransaction)tx;
                    insert.CommandText = "INSERT INTO Episodes VALUES ($id, $client, $patient, $start, $night, 1, $now)";
                    var now = DateTime.UtcNow;
                    insert.Parameters.AddWithValue("$id", Guid.NewGuid().ToString());
                    insert.Parameters.AddWithValue("$client", Guid.NewGuid().ToString());
                    insert.Parameters.AddWithValue("$patient", "patient-" + client);
                    insert.Parameters.AddWithValue("$start", now.ToString("O"));
                    insert.Parameters.AddWithValue("$night", DateOnly.FromDateTime(now).ToString("O"));
                    insert.Parameters.AddWithValue("$now", now.ToString("O"));
                    await insert.ExecuteNonQueryAsync();
                    await tx.CommitAsync();
                    result.Add(Stopwatch.GetElapsedTime(started), null);
                }
                catch (SqliteException)
                {
                    result.Error();
                }
            }
        })));
        result.Elapsed = stop.Elapsed;
        return result;
    }

    /// <summary>
    /// Each client posts new cramps for the duration: back to back, or paced so that all together send <paramref name="rate"/>
    /// a second (each client on its own schedule; a late answer does not make it send faster afterwards beyond its schedule).
    /// </summary>
    private static async Task<Result> RunApiAsync(IReadOnlyList<Client> clients, TimeSpan duration, int? rate)
    {
        var result = new Result();
        var stop = Stopwatch.StartNew();
        var interval = rate is { } perSecond ? TimeSpan.FromSeconds((double)clients.Count / perSecond) : TimeSpan.Zero;
        await Task.WhenAll(clients.Select((client, index) => Task.Run(async () =>
        {
            var next = TimeSpan.FromTicks(interval.Ticks * index / clients.Count);
            var sent = 0;
            while (stop.Elapsed < duration)
            {
                if (interval > TimeSpan.Zero)
                {
                    var wait = next - stop.Elapsed;
                    if (wait > TimeSpan.Zero)
                    {
                        await Task.Delay(wait);
                    }

                    next += interval;
                }

                var body = JsonSerializer.Serialize(new
                {
                    clientId = Guid.NewGuid(),
                    startedAt = DateTimeOffset.UtcNow.AddMinutes(-1 - (sent++ % 600)).ToString("O", CultureInfo.InvariantCulture),
                    side = "left",
                    answers = new { chestPain = "no", suddenBreathlessness = "no" },
                });
                var started = Stopwatch.GetTimestamp();
                try
                {
                    using var content = new StringContent(body, Encoding.UTF8, "application/json");
                    using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/v1/episodes", UriKind.Relative)) { Content = content };
                    request.Headers.TryAddWithoutValidation(client.HeaderName, client.Token);
                    using var response = await client.Http.SendAsync(request);
                    if (response.StatusCode == HttpStatusCode.Created)
                    {
                        var id = TopLevelId(await response.Content.ReadAsByteArrayAsync());
                        result.Add(Stopwatch.GetElapsedTime(started), id);
                    }
                    else
                    {
                        result.Error();
                    }
                }
                catch (HttpRequestException)
                {
                    result.Error();
                }
            }
        })));
        result.Elapsed = stop.Elapsed;
        return result;
    }

    /// <summary>
    /// The answer's top-level "id", read without building a document (a phone would parse what it shows; the benchmark's
    /// 50 clients share the server's two cores, so they should cost as little as they can).
    /// </summary>
    private static Guid TopLevelId(byte[] json)
    {
        var reader = new Utf8JsonReader(json);
        while (reader.Read())
        {
            if (reader.CurrentDepth == 1 && reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals("id"u8))
            {
                reader.Read();
                return reader.GetGuid();
            }
        }

        throw new InvalidOperationException("The answer has no id.");
    }

    private sealed class Result
    {
        private readonly List<double> _ms = [];
        private readonly List<Guid> _ids = [];
        private int _errors;

        public TimeSpan Elapsed { get; set; }

        public int Count { get { lock (_ms) { return _ms.Count; } } }

        public int Created { get { lock (_ms) { return _ids.Count; } } }

        public IReadOnlyList<Guid> CreatedIds { get { lock (_ms) { return _ids.ToList(); } } }

        public int Errors => _errors;

        public double Rate => Count / Elapsed.TotalSeconds;

        public void Add(TimeSpan latency, Guid? id)
        {
            lock (_ms)
            {
                _ms.Add(latency.TotalMilliseconds);
                if (id is { } created)
                {
                    _ids.Add(created);
                }
            }
        }

        public void Error() => Interlocked.Increment(ref _errors);

        public double P(double q)
        {
            lock (_ms)
            {
                if (_ms.Count == 0)
                {
                    return double.NaN;
                }

                var sorted = _ms.Order().ToList();
                return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1 < 0 ? 0 : (int)Math.Ceiling(q * sorted.Count) - 1)];
            }
        }
    }

    private sealed class Client(HttpClient http, string headerName, string token) : IDisposable
    {
        public HttpClient Http { get; } = http;

        public string HeaderName { get; } = headerName;

        public string Token { get; } = token;

        public void Dispose() => Http.Dispose();
    }

    /// <summary>The real app on Kestrel (loopback) in its own data folder, as the tests host it.</summary>
    private sealed class BenchmarkApp(string folder) : WebApplicationFactory<LegCrampCare.Web.AuthOptions> // any type of the web app's assembly
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            Microsoft.AspNetCore.TestHost.WebHostBuilderExtensions.UseSolutionRelativeContentRoot(builder, "src/LegCrampCare.Web");
            builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Data:Folder"] = folder,
                ["Api:RequestsPerMinute"] = "100000",
                ["RateLimits:AccountPostsPerMinute"] = "1000",
                ["Serilog:MinimumLevel:Default"] = "Warning",
            }));
        }

        public async Task<IReadOnlyList<Client>> SignInPatientsAsync(int count)
        {
            UseKestrel(0);
            StartServer();
            var clients = new List<Client>();
            for (var i = 0; i < count; i++)
            {
                var email = $"bench-{i}@example.org";
                await using (var scope = Services.CreateAsyncScope())
                {
                    var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
                    var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, CreatedAtUtc = DateTime.UtcNow, HealthDataConsentAtUtc = DateTime.UtcNow };
                    Check((await users.CreateAsync(user, Password)).Succeeded, "create user");
                    Check((await users.AddToRoleAsync(user, Roles.Patient)).Succeeded, "add role");
                    await scope.ServiceProvider.GetRequiredService<IProfileStore>().SaveAsync(new PregnancyProfile
                    {
                        UserId = user.Id, DisplayName = "Bench " + i, DateOfBirth = new DateOnly(1990, 1, 1),
                        DueDate = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(60), TimeZoneId = "Europe/London",
                        CreatedAtUtc = DateTime.UtcNow, UpdatedAtUtc = DateTime.UtcNow,
                    }, CancellationToken.None);
                }

                var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer(), MaxConnectionsPerServer = 1 })
                {
                    BaseAddress = ClientOptions.BaseAddress,
                };
                var page = await http.GetStringAsync(new Uri("/Account/Login", UriKind.Relative));
                var form = TokenPattern().Match(page).Groups[1].Value;
                using var login = new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["Input.Email"] = email, ["Input.Password"] = Password, ["_handler"] = "login", ["__RequestVerificationToken"] = WebUtility.HtmlDecode(form),
                });
                using var signedIn = await http.PostAsync(new Uri("/Account/Login", UriKind.Relative), login);
                Check(signedIn.StatusCode == HttpStatusCode.Redirect, "sign in");
                var antiforgery = await http.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/antiforgery", UriKind.Relative));
                clients.Add(new Client(http, antiforgery.GetProperty("headerName").GetString()!, antiforgery.GetProperty("token").GetString()!));
            }

            return clients;
        }

        public async Task<int> CountStoredAsync(IReadOnlyList<Guid> ids)
        {
            await using var db = await Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
            var stored = 0;
            foreach (var chunk in ids.Chunk(500))
            {
                stored += await db.Episodes.CountAsync(e => chunk.Contains(e.Id));
            }

            return stored;
        }

        private static void Check(bool ok, string step)
        {
            if (!ok)
            {
                throw new InvalidOperationException("Benchmark set-up failed: " + step);
            }
        }
    }

    [GeneratedRegex("<input[^>]*name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
