using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;
using LegCrampCare.Core.Features.Guidance;

namespace LegCrampCare.Core.Tests.Features.Guidance;

/// <summary>Every allowed and refused step of the editorial workflow.</summary>
public sealed class GuidanceWorkflowTests
{
    private static readonly CurrentApprover Approver = new("approver", HasPermission: true);
    private static readonly CurrentApprover EditorWithoutPermission = new("editor-2", HasPermission: false);

    private static GuidanceRevision Rev(int number, RevisionState state, string? author) =>
        new() { Id = Guid.NewGuid(), Number = number, State = state, AuthorId = author };

    [Theory]
    [InlineData(RevisionState.Draft, true)]
    [InlineData(RevisionState.AwaitingApproval, false)]
    [InlineData(RevisionState.Published, false)]
    [InlineData(RevisionState.Returned, false)]
    [InlineData(RevisionState.Seeded, false)]
    public void Submit_OnlyTheNewestDraft(RevisionState state, bool allowed)
    {
        var target = Rev(2, state, "editor");
        IReadOnlyList<GuidanceRevision> revisions = [Rev(1, RevisionState.Published, "someone"), target];

        Assert.Equal(allowed, GuidanceWorkflow.WhyCannotSubmit(target, revisions) is null);
    }

    [Fact]
    public void Submit_AnOlderDraft_IsRefused()
    {
        var old = Rev(1, RevisionState.Draft, "editor");

        Assert.Equal("Only the newest version can be sent for approval.",
            GuidanceWorkflow.WhyCannotSubmit(old, [old, Rev(2, RevisionState.Draft, "editor")]));
    }

    [Theory]
    [InlineData(RevisionState.AwaitingApproval, true)]
    [InlineData(RevisionState.Seeded, true)]
    [InlineData(RevisionState.Draft, false)]
    [InlineData(RevisionState.Published, false)]
    [InlineData(RevisionState.Returned, false)]
    public void Approve_OnlyAVersionAwaitingApproval(RevisionState state, bool allowed)
    {
        var target = Rev(2, state, "editor");

        Assert.Equal(allowed, GuidanceWorkflow.WhyCannotApprove(target, [Rev(1, RevisionState.Published, null), target], Approver) is null);
    }

    [Fact]
    public void Approve_WithoutThePermission_IsRefused()
    {
        var target = Rev(1, RevisionState.AwaitingApproval, "editor");

        Assert.Equal("Only a clinical approver can approve guidance.", GuidanceWorkflow.WhyCannotApprove(target, [target], EditorWithoutPermission));
    }

    [Fact]
    public void Approve_ByTheAuthor_IsRefused()
    {
        var target = Rev(1, RevisionState.AwaitingApproval, "approver");

        Assert.Equal("You wrote part of this version, so someone else must approve it.", GuidanceWorkflow.WhyCannotApprove(target, [target], Approver));
    }

    [Fact]
    public void Approve_ByAnAuthorOfAnEarlierRevisionSinceTheLastPublished_IsRefused()
    {
        // The approver wrote draft 3; another editor wrote draft 4 on top of it. Both are since publication 2.
        IReadOnlyList<GuidanceRevision> revisions =
        [
            Rev(1, RevisionState.Seeded, null), Rev(2, RevisionState.Published, "editor"),
            Rev(3, RevisionState.Draft, "approver"), Rev(4, RevisionState.AwaitingApproval, "editor"),
        ];

        Assert.NotNull(GuidanceWorkflow.WhyCannotApprove(revisions[3], revisions, Approver));
    }

    [Fact]
    public void Approve_ByAnAuthorOfARevisionBeforeTheLastPublished_IsAllowed()
    {
        IReadOnlyList<GuidanceRevision> revisions =
        [
            Rev(1, RevisionState.Published, "approver"), Rev(2, RevisionState.Published, "editor"), Rev(3, RevisionState.AwaitingApproval, "editor"),
        ];

        Assert.Null(GuidanceWorkflow.WhyCannotApprove(revisions[2], revisions, Approver));
    }

    [Fact]
    public void Approve_TheSeed_IsAllowedForAnyApprover()
    {
        var seed = Rev(1, RevisionState.Seeded, null);

        Assert.Null(GuidanceWorkflow.WhyCannotApprove(seed, [seed], Approver));
    }

    [Fact]
    public void Approve_AnOlderVersion_IsRefused()
    {
        var older = Rev(1, RevisionState.AwaitingApproval, "editor");

        Assert.Equal("Only the newest version can be approved.",
            GuidanceWorkflow.WhyCannotApprove(older, [older, Rev(2, RevisionState.Draft, "editor")], Approver));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public void Return_WithoutAComment_IsRefused(string? comment)
    {
        var target = Rev(1, RevisionState.AwaitingApproval, "editor");

        Assert.Equal("Say what needs to change (the comment is required).", GuidanceWorkflow.WhyCannotReturn(target, [target], Approver, comment));
    }

    [Theory]
    [InlineData(RevisionState.AwaitingApproval, true)]
    [InlineData(RevisionState.Seeded, true)]
    [InlineData(RevisionState.Draft, false)]
    [InlineData(RevisionState.Published, false)]
    [InlineData(RevisionState.Returned, false)]
    public void Return_OnlyAVersionAwaitingApproval_WithAComment(RevisionState state, bool allowed)
    {
        var target = Rev(1, state, "editor");

        Assert.Equal(allowed, GuidanceWorkflow.WhyCannotReturn(target, [target], Approver, "Please cite the NHS page.") is null);
    }

    [Fact]
    public void Return_WithoutThePermission_IsRefused()
    {
        var target = Rev(1, RevisionState.AwaitingApproval, "editor");

        Assert.NotNull(GuidanceWorkflow.WhyCannotReturn(target, [target], EditorWithoutPermission, "comment"));
    }
}
