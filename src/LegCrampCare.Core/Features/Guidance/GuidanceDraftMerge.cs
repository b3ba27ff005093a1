namespace LegCrampCare.Core.Features.Guidance;

/// <summary>One detail (title, summary…) that both editors changed differently: the editor chooses which to keep.</summary>
public sealed record FieldConflict(string Field, string Label, string Mine, string Theirs);

/// <summary>
/// Two editors' concurrent changes to one article, combined: what only one of them changed is taken; details both
/// changed differently are <see cref="Fields"/> conflicts; the text is merged paragraph by paragraph
/// (<see cref="Body"/>, whose conflicts are resolved with <see cref="MergeChoice"/>s).
/// </summary>
public sealed class DraftMerge
{
    private readonly GuidanceDraft _mine;
    private readonly GuidanceDraft _theirs;
    private readonly GuidanceDraft _base;

    internal DraftMerge(GuidanceDraft @base, GuidanceDraft mine, GuidanceDraft theirs)
    {
        _base = @base;
        _mine = mine;
        _theirs = theirs;
        Body = ThreeWayMerge.Merge(@base.BodyMarkdown, mine.BodyMarkdown, theirs.BodyMarkdown);
        var fields = new List<FieldConflict>();
        AddIfConflict(fields, nameof(GuidanceDraft.Title), "Title", d => d.Title);
        AddIfConflict(fields, nameof(GuidanceDraft.Slug), "Web address", d => d.Slug);
        AddIfConflict(fields, nameof(GuidanceDraft.Summary), "Summary", d => d.Summary);
        AddIfConflict(fields, nameof(GuidanceDraft.Topic), "Topic", d => d.Topic);
        AddIfConflict(fields, nameof(GuidanceDraft.ReviewIntervalMonths), "Review every (months)", d => d.ReviewIntervalMonths.ToString(System.Globalization.CultureInfo.InvariantCulture));
        AddIfConflict(fields, nameof(GuidanceDraft.Sources), "Sources", SourcesText);
        Fields = fields;
    }

    public IReadOnlyList<FieldConflict> Fields { get; }

    public MergeResult Body { get; }

    public bool HasConflicts => Fields.Count > 0 || Body.HasConflicts;

    /// <summary>
    /// The combined draft, to be saved on top of <paramref name="theirsVersion"/>. <paramref name="keepMine"/> says, per
    /// entry of <see cref="Fields"/>, whether to keep this editor's value; <paramref name="bodyChoices"/> resolves each text conflict.
    /// </summary>
    public GuidanceDraft Compose(IReadOnlyList<bool> keepMine, IReadOnlyList<MergeChoice> bodyChoices, int theirsVersion)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(keepMine.Count, Fields.Count);
        var mineWins = Fields.Select((f, i) => (f.Field, keepMine[i])).Where(x => x.Item2).Select(x => x.Field).ToHashSet(StringComparer.Ordinal);
        T Pick<T>(string field, Func<GuidanceDraft, T> get)
        {
            var (b, m, t) = (get(_base), get(_mine), get(_theirs));
            if (Equals(m, t) || Equals(t, b))
            {
                return m;
            }

            return Equals(m, b) ? t : mineWins.Contains(field) ? m : t;
        }

        return _mine with
        {
            ExpectedVersion = theirsVersion,
            Title = Pick(nameof(GuidanceDraft.Title), d => d.Title),
            Slug = Pick(nameof(GuidanceDraft.Slug), d => d.Slug),
            Summary = Pick(nameof(GuidanceDraft.Summary), d => d.Summary),
            Topic = Pick(nameof(GuidanceDraft.Topic), d => d.Topic),
            ReviewIntervalMonths = Pick(nameof(GuidanceDraft.ReviewIntervalMonths), d => d.ReviewIntervalMonths),
            Sources = Pick(nameof(GuidanceDraft.Sources), SourcesText) == SourcesText(_mine) ? [.. _mine.Sources] : [.. _theirs.Sources],
            BodyMarkdown = Body.Compose(bodyChoices),
            IsSafetyCritical = _mine.IsSafetyCritical || _theirs.IsSafetyCritical,
        };
    }

    private void AddIfConflict(List<FieldConflict> fields, string field, string label, Func<GuidanceDraft, string> get)
    {
        var (b, m, t) = (get(_base), get(_mine), get(_theirs));
        if (m != t && m != b && t != b)
        {
            fields.Add(new FieldConflict(field, label, m, t));
        }
    }

    private static string SourcesText(GuidanceDraft d) => string.Join("\n", d.Sources.Select(s => $"{s.Title} – {s.Url}"));
}

public static class GuidanceDraftMerge
{
    /// <summary><paramref name="base"/> is what this editor started from; <paramref name="theirs"/> the newest saved version.</summary>
    public static DraftMerge Merge(GuidanceDraft @base, GuidanceDraft mine, GuidanceDraft theirs) => new(@base, mine, theirs);
}
