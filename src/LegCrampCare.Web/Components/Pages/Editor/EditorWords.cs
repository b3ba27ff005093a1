using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;
using LegCrampCare.Core.Features.Guidance;

namespace LegCrampCare.Web.Components.Pages.Editor;

/// <summary>How guidance states read to editors, in one place.</summary>
public static class EditorWords
{
    public static string State(EditorState state) => state switch
    {
        EditorState.ReviewOverdue => "Review overdue",
        EditorState.AwaitingApproval => "Awaiting approval",
        EditorState.Returned => "Returned with comments",
        EditorState.Draft => "Draft",
        _ => "Published",
    };

    public static string StateClass(EditorState state) => state switch
    {
        EditorState.ReviewOverdue => "lcc-state lcc-state-overdue",
        EditorState.AwaitingApproval => "lcc-state lcc-state-awaiting",
        EditorState.Returned => "lcc-state lcc-state-returned",
        _ => "lcc-state",
    };

    public static string Revision(RevisionState state) => state switch
    {
        RevisionState.Draft => "Draft",
        RevisionState.AwaitingApproval => "Awaiting approval",
        RevisionState.Published => "Published",
        RevisionState.Returned => "Returned with comments",
        RevisionState.Seeded => "Shipped with the app, awaiting approval",
        _ => state.ToString(),
    };

    public static string When(DateTime utc) => utc.ToString("d MMM yyyy, HH:mm 'UTC'");
}
