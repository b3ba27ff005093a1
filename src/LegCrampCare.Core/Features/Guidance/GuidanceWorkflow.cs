using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;

namespace LegCrampCare.Core.Features.Guidance;

/// <summary>
/// The editorial workflow as pure rules: save draft → submit for approval → an approver approves (published) or
/// returns it with a comment. An approver must hold the clinical-approver permission and must not have written any
/// revision since the last published one (the seed is nobody's). This is the only way anything is published, so a
/// safety-critical article can never be published without clinical approval.
/// </summary>
public static class GuidanceWorkflow
{
    /// <summary>Null when allowed; otherwise why not, in plain words.</summary>
    public static string? WhyCannotSubmit(GuidanceRevision target, IReadOnlyList<GuidanceRevision> revisions)
    {
        if (target.Number != revisions.Max(r => r.Number))
        {
            return "Only the newest version can be sent for approval.";
        }

        return target.State == RevisionState.Draft ? null : "Only a draft can be sent for approval.";
    }

    public static string? WhyCannotApprove(GuidanceRevision target, IReadOnlyList<GuidanceRevision> revisions, CurrentApprover approver)
    {
        if (!approver.HasPermission)
        {
            return "Only a clinical approver can approve guidance.";
        }

        if (target.Number != revisions.Max(r => r.Number))
        {
            return "Only the newest version can be approved.";
        }

        if (target.State is not (RevisionState.AwaitingApproval or RevisionState.Seeded))
        {
            return "Only a version awaiting approval can be approved.";
        }

        return AuthoredSinceLastPublished(revisions, approver.UserId)
            ? "You wrote part of this version, so someone else must approve it."
            : null;
    }

    public static string? WhyCannotReturn(GuidanceRevision target, IReadOnlyList<GuidanceRevision> revisions, CurrentApprover approver, string? comment)
    {
        if (!approver.HasPermission)
        {
            return "Only a clinical approver can return guidance.";
        }

        if (target.Number != revisions.Max(r => r.Number) || target.State is not (RevisionState.AwaitingApproval or RevisionState.Seeded))
        {
            return "Only the newest version awaiting approval can be returned.";
        }

        return string.IsNullOrWhiteSpace(comment) ? "Say what needs to change (the comment is required)." : null;
    }

    /// <summary>Whether the user wrote any revision after the newest published one (all of them when none is published).</summary>
    public static bool AuthoredSinceLastPublished(IReadOnlyList<GuidanceRevision> revisions, string userId)
    {
        var lastPublished = revisions.Where(r => r.State == RevisionState.Published).Select(r => r.Number).DefaultIfEmpty(0).Max();
        return revisions.Any(r => r.Number > lastPublished && r.AuthorId == userId);
    }
}

/// <summary>Who is approving, and whether they hold the clinical-approver permission.</summary>
public sealed record CurrentApprover(string UserId, bool HasPermission);
