using System.Globalization;
using LegCrampCare.Infrastructure;
using Microsoft.Data.Sqlite;

namespace LegCrampCare.Cli;

/// <summary>
/// `backup FILE`: a consistent copy of the live SQLite database, taken while the app runs (SQLite's VACUUM INTO: one
/// read transaction, so every commit before it is in, none after; the write-ahead log included), then checked
/// (PRAGMA integrity_check, and that it holds the app's tables). The file is new (never overwrites), readable by its
/// owner only, and holds health data and the data-protection keys: store it encrypted. Restore: stop the app, put the
/// file in place of legcrampcare.db (without the old -wal and -shm files), start the app.
/// </summary>
public static class BackupCommand
{
    public static async Task<int> RunAsync(string target, DatabaseOptions database, TimeProvider time, TextWriter output, TextWriter error)
    {
        var source = new SqliteConnectionStringBuilder(database.EffectiveConnectionString).DataSource;
        if (string.IsNullOrEmpty(source) || !File.Exists(source))
        {
            await error.WriteLineAsync($"No database at {source}. Give the same Data__Folder (or ConnectionStrings__LegCrampCare) as the web app.");
            return 1;
        }

        var path = Path.GetFullPath(target);
        if (File.Exists(path))
        {
            await error.WriteLineAsync($"{path} already exists. Give a new file name, for example legcrampcare-{time.GetUtcNow():yyyy-MM-dd}.db.");
            return 2;
        }

        if (Path.GetDirectoryName(path) is not { } folder || !Directory.Exists(folder))
        {
            await error.WriteLineAsync($"The folder {Path.GetDirectoryName(path)} does not exist.");
            return 2;
        }

        if (string.Equals(path, Path.GetFullPath(source), StringComparison.Ordinal))
        {
            await error.WriteLineAsync("The backup can't be the database itself.");
            return 2;
        }

        try
        {
            await using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = source, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString()))
            {
                await connection.OpenAsync();
                await using var command = connection.CreateCommand();
                command.CommandText = "VACUUM INTO $path";
                command.Parameters.AddWithValue("$path", path);
                command.CommandTimeout = 0;
                await command.ExecuteNonQueryAsync();
            }

            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            // VACUUM INTO writes a rollback-journal database; the app opens its database read-only first (to see whether
            // it exists) and then asks for WAL, which a read-only connection can't switch to. So the copy is put in WAL
            // mode now, as the live database is, and can be restored as it is.
            await using (var copy = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString()))
            {
                await copy.OpenAsync();
                await using var wal = copy.CreateCommand();
                wal.CommandText = "PRAGMA journal_mode=WAL";
                await wal.ExecuteNonQueryAsync();
            }

            var (integrity, migrations) = await CheckAsync(path);
            if (integrity != "ok" || migrations == 0)
            {
                await error.WriteLineAsync($"The backup at {path} did not pass its check (integrity: {integrity}; migrations recorded: {migrations}). Don't rely on it.");
                return 1;
            }

            var megabytes = new FileInfo(path).Length / 1024d / 1024d;
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Backup written to {path} ({megabytes:0.0} MB, integrity ok, {migrations} migrations). It holds health data: store it encrypted."));
            return 0;
        }
        catch (Exception ex) when (ex is SqliteException or IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"The backup failed: {ex.Message}");
            TryDelete(path);
            return 1;
        }
    }

    /// <summary>SQLite's integrity check of the file, and how many of the app's migrations it records.</summary>
    public static async Task<(string Integrity, long Migrations)> CheckAsync(string path)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var integrity = connection.CreateCommand();
        integrity.CommandText = "PRAGMA integrity_check";
        var result = (string?)await integrity.ExecuteScalarAsync() ?? "";
        await using var migrations = connection.CreateCommand();
        migrations.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsHistory'";
        if ((long)(await migrations.ExecuteScalarAsync() ?? 0L) == 0)
        {
            return (result, 0);
        }

        migrations.CommandText = "SELECT COUNT(*) FROM \"__EFMigrationsHistory\"";
        return (result, (long)(await migrations.ExecuteScalarAsync() ?? 0L));
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
    }
}
