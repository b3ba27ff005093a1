using LegCrampCare.Core.Abstractions;
using LegCrampCare.Core.Common;
using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;
using LegCrampCare.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace LegCrampCare.Infrastructure.Identity;

/// <summary>What an admin filters the audit trail by. Empty fields match everything.</summary>
public sealed record AuditFilter(string? Action = null, string? Outcome = null, string? ActorId = null, string? SubjectId = null, DateOnly? From = null, DateOnly? To = null, int Page = 1);

/// <summary>One audit row as the admin sees it: ids and the actor's account, never any health data.</summary>
public sealed record AuditRow(long Id, DateTime AtUtc, string ActorId, string? ActorAccount, string ActorRole, string Action, string? SubjectId, string Resource, string Outcome);

public sealed record AuditPage(IReadOnlyList<AuditRow> Rows, int Page, bool HasMore, IReadOnlyList<string> Actions);

/// <summary>The audit trail for admins: read and filter only (the table is append-only). Anyone else gets "not found".</summary>
public sealed class AuditTrailQuery(IDbContextFactory<AppDbContext> contexts, ICurrentUser currentUser)
{
    public const int PageSize = 100;

    public async Task<ServiceResult<AuditPage>> SearchAsync(AuditFilter filter, CancellationToken ct = default)
    {
        var user = await currentUser.GetAsync(ct);
        if (user.UserId is null || !user.IsInRole(Roles.Admin))
        {
            return ServiceResult<AuditPage>.NotFound();
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        var query = db.AuditEvents.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Action))
        {
            query = query.Where(a => a.Action == filter.Action);
        }

        if (!string.IsNullOrWhiteSpace(filter.Outcome))
        {
            query = query.Where(a => a.Outcome == filter.Outcome);
        }

        if (!string.IsNullOrWhiteSpace(filter.ActorId))
        {
            query = query.Where(a => a.ActorId == filter.ActorId.Trim());
        }

        if (!string.IsNullOrWhiteSpace(filter.SubjectId))
        {
            query = query.Where(a => a.SubjectUserId == filter.SubjectId.Trim());
        }

        if (filter.From is { } from)
        {
            var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            query = query.Where(a => a.AtUtc >= start);
        }

        if (filter.To is { } to)
        {
            var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            query = query.Where(a => a.AtUtc < end);
        }

        var page = Math.Max(1, filter.Page);
        var rows = await query.OrderByDescending(a => a.Id)
            .Skip((page - 1) * PageSize)
            .Take(PageSize + 1)
            .Select(a => new AuditRow(a.Id, a.AtUtc, a.ActorId, db.Users.Where(u => u.Id == a.ActorId).Select(u => u.Email).FirstOrDefault(), a.ActorRole, a.Action, a.SubjectUserId, a.Resource, a.Outcome))
            .ToListAsync(ct);
        var actions = await db.AuditEvents.Select(a => a.Action).Distinct().OrderBy(a => a).ToListAsync(ct);
        return ServiceResult<AuditPage>.Ok(new AuditPage(rows.Take(PageSize).ToList(), page, rows.Count > PageSize, actions));
    }
}
