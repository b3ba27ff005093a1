using System.Threading.Channels;
using LegCrampCare.Core.Domain;
using LegCrampCare.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace LegCrampCare.Infrastructure.Stores;

/// <summary>
/// The one writer of new cramps (group commit, docs/decisions/0020-http-api.md). Every log — from a live page or the
/// API — is queued here; one loop takes whatever is waiting (up to <see cref="MaxBatch"/>) and stores it in one
/// transaction, each cramp with its assessment and caseload summaries, and commits once (WAL, synchronous=FULL: durable
/// on return). Each caller is answered only after the commit of its batch. A cramp whose client id is already stored
/// adds nothing and answers with the stored one; a cramp that the database refuses is rolled back to its own savepoint
/// (EF Core's, around each SaveChanges) and fails alone; a batch whose commit fails fails only its own callers.
/// </summary>
/// <remarks>
/// SQLite lets one connection write at a time, and each commit waits for the disk: 50 writers each committing one row
/// queue behind each other's fsync (p99 ≈ 730 ms at 32 writers, measured). One writer committing what has gathered
/// while the previous batch was syncing keeps the same durability with one fsync per batch.
/// </remarks>
public sealed class EpisodeWriter : IAsyncDisposable
{
    /// <summary>The most cramps stored in one transaction: enough to absorb a burst, small enough to keep the wait short.</summary>
    public const int MaxBatch = 64;

    private readonly IDbContextFactory<AppDbContext> _contexts;
    private readonly ILogger<EpisodeWriter> _logger;
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _loop;

    public EpisodeWriter(IDbContextFactory<AppDbContext> contexts, ILogger<EpisodeWriter> logger)
    {
        _contexts = contexts;
        _logger = logger;
        _loop = Task.Run(RunAsync);
    }

    /// <summary>
    /// Stores the cramp with its first assessment unless one with the same id, or the same client id for this patient, is
    /// stored already; answers with the stored one once it is durable. Cancelling stops the wait, not the write: a queued
    /// cramp is always stored, and a retry finds it.
    /// </summary>
    public Task<(Episode Episode, bool Created)> AddIfAbsentAsync(Episode episode, Assessment assessment, CancellationToken ct)
    {
        var pending = new Pending(episode, assessment, new TaskCompletionSource<(Episode, bool)>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new ObjectDisposedException(nameof(EpisodeWriter), "The app is stopping: nothing more can be saved.");
        }

        return pending.Done.Task.WaitAsync(ct);
    }

    public async ValueTask DisposeAsync()
    {
        // What is queued is still written before the app stops.
        _queue.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
    }

    private async Task RunAsync()
    {
        var batch = new List<Pending>(MaxBatch);
        var reader = _queue.Reader;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            batch.Clear();
            while (batch.Count < MaxBatch && reader.TryRead(out var pending))
            {
                batch.Add(pending);
            }

            await WriteAsync(batch).ConfigureAwait(false);
        }
    }

    private async Task WriteAsync(List<Pending> batch)
    {
        var results = new (Episode, bool)?[batch.Count];
        var failures = new Exception?[batch.Count];
        try
        {
            await using var db = await _contexts.CreateDbContextAsync().ConfigureAwait(false);
            await using var tx = await db.Database.BeginTransactionAsync().ConfigureAwait(false);
            var touched = new Dictionary<string, HashSet<DateOnly>>(StringComparer.Ordinal);
            for (var i = 0; i < batch.Count; i++)
            {
                var (episode, assessment, _) = batch[i];
                try
                {
                    var existing = await db.Episodes.AsNoTracking()
                        .FirstOrDefaultAsync(e => e.Id == episode.Id || (e.PatientId == episode.PatientId && e.ClientId == episode.ClientId))
                        .ConfigureAwait(false);
                    if (existing is not null)
                    {
                        results[i] = (existing, false);
                        continue;
                    }

                    db.Episodes.Add(episode);
                    db.Assessments.Add(assessment);
                    await SummaryWriter.TrackAssessmentAsync(db, assessment, CancellationToken.None).ConfigureAwait(false);
                    await db.SaveChangesAsync().ConfigureAwait(false);
                    results[i] = (episode, true);
                    if (!touched.TryGetValue(episode.PatientId, out var nights))
                    {
                        touched[episode.PatientId] = nights = [];
                    }

                    nights.Add(episode.Night);
                }
                catch (DbUpdateException ex)
                {
                    // EF Core rolled this SaveChanges back to its savepoint: the rest of the batch goes on.
                    failures[i] = ex;
                }
                finally
                {
                    db.ChangeTracker.Clear();
                }
            }

            // Once per patient per batch, after all her new cramps are in.
            foreach (var (patientId, nights) in touched)
            {
                await SummaryWriter.RefreshNightsAsync(db, patientId, nights, CancellationToken.None).ConfigureAwait(false);
                await SummaryWriter.RefreshActivityAsync(db, patientId, CancellationToken.None).ConfigureAwait(false);
            }

            await tx.CommitAsync().ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Any failure of the batch is handed to its own callers; the loop must go on for the next.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _logger.LogError(ex, "A batch of {Count} cramps could not be stored; each caller is told it was not saved", batch.Count);
            foreach (var pending in batch)
            {
                pending.Done.TrySetException(ex);
            }

            return;
        }

        for (var i = 0; i < batch.Count; i++)
        {
            if (failures[i] is { } failure)
            {
                _logger.LogError(failure, "Cramp {EpisodeId} could not be stored", batch[i].Episode.Id);
                batch[i].Done.TrySetException(failure);
            }
            else
            {
                batch[i].Done.TrySetResult(results[i]!.Value);
            }
        }
    }

    private sealed record Pending(Episode Episode, Assessment Assessment, TaskCompletionSource<(Episode, bool)> Done);
}
