using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components;

namespace LegCrampCare.Web.Tests.Components;

/// <summary>
/// Finds elements the way a person does: buttons and links by what they say, fields by their label, questions by
/// their wording. (bUnit's own role and label queries live in a package that is not available here.)
/// </summary>
public static partial class ElementQueries
{
    /// <summary>The accessible name of an element: its aria-label, else its text with white space collapsed.</summary>
    public static string AccessibleName(this IElement element) =>
        Normalize(element.GetAttribute("aria-label") ?? element.TextContent);

    /// <summary>All the text a person reads on the rendered component, white space collapsed.</summary>
    public static string Text<T>(this IRenderedComponent<T> cut)
        where T : IComponent => Normalize(string.Concat(cut.Nodes.Select(n => n.TextContent)));

    public static IReadOnlyList<IElement> Buttons<T>(this IRenderedComponent<T> cut)
        where T : IComponent => cut.FindAll("button, [role=button]");

    /// <summary>The buttons whose accessible name is <paramref name="name"/> (or starts with it).</summary>
    public static IReadOnlyList<IElement> QueryButtons<T>(this IRenderedComponent<T> cut, string name, bool exact = true)
        where T : IComponent => cut.Buttons().Where(b => Matches(b.AccessibleName(), name, exact)).ToList();

    /// <summary>The one button called <paramref name="name"/>; fails when there is none or more than one.</summary>
    public static IElement FindButton<T>(this IRenderedComponent<T> cut, string name, bool exact = true)
        where T : IComponent
    {
        var matches = cut.QueryButtons(name, exact);
        return matches.Count == 1
            ? matches[0]
            : throw new InvalidOperationException(
                $"Expected one button named '{name}', found {matches.Count}. Buttons: " +
                string.Join(" | ", cut.Buttons().Select(b => b.AccessibleName())));
    }

    /// <summary>The one link whose text is <paramref name="name"/>.</summary>
    public static IElement FindLink<T>(this IRenderedComponent<T> cut, string name)
        where T : IComponent => Single(cut.FindAll("a[href]").Where(a => a.AccessibleName() == name), $"link '{name}'");

    /// <summary>The links whose text is <paramref name="name"/> (none, one or more).</summary>
    public static IReadOnlyList<IElement> QueryLinks<T>(this IRenderedComponent<T> cut, string name)
        where T : IComponent => cut.FindAll("a[href]").Where(a => a.AccessibleName() == name).ToList();

    /// <summary>The elements with an ARIA role, e.g. "alert" or "status".</summary>
    public static IReadOnlyList<IElement> FindAllByRole<T>(this IRenderedComponent<T> cut, string role)
        where T : IComponent => cut.FindAll($"[role={role}]");

    /// <summary>The form control a &lt;label&gt; with this text is for.</summary>
    public static IElement FindByLabel<T>(this IRenderedComponent<T> cut, string label)
        where T : IComponent
    {
        var element = Single(cut.FindAll("label").Where(l => l.AccessibleName() == label), $"label '{label}'");
        var id = element.GetAttribute("for") ?? throw new InvalidOperationException($"Label '{label}' names no control.");
        return cut.Find($"[id='{id}']");
    }

    /// <summary>The question (a fieldset) whose legend is <paramref name="legend"/>.</summary>
    public static IElement FindQuestion<T>(this IRenderedComponent<T> cut, string legend)
        where T : IComponent =>
        Single(cut.FindAll("fieldset").Where(f => f.QuerySelector("legend")?.AccessibleName() == legend), $"question '{legend}'");

    /// <summary>The legends of the questions, in the order a person reads them.</summary>
    public static IReadOnlyList<string> QuestionLegends<T>(this IRenderedComponent<T> cut)
        where T : IComponent => cut.FindAll("fieldset > legend").Select(l => l.AccessibleName()).ToList();

    /// <summary>The button named <paramref name="name"/> inside a question or group.</summary>
    public static IElement ButtonIn(this IElement container, string name) =>
        Single(container.QuerySelectorAll("button").Where(b => b.AccessibleName() == name), $"button '{name}'");

    /// <summary>
    /// The part of the page that shows <paramref name="text"/> nearest to <paramref name="field"/>: the smallest block
    /// around the field that contains the text. Null when the text is not on the page around the field.
    /// </summary>
    public static IElement? NearestBlockWithText(this IElement field, string text)
    {
        var block = field.ParentElement;
        while (block is not null && !Normalize(block.TextContent).Contains(text, StringComparison.Ordinal))
        {
            block = block.ParentElement;
        }

        return block;
    }

    /// <summary>The form controls (inputs, text areas, selects) inside an element.</summary>
    public static int CountFormControls(this IElement element) => element.QuerySelectorAll("input, textarea, select").Length;

    public static bool IsPressed(this IElement button) => button.GetAttribute("aria-pressed") == "true";

    public static bool IsDisabled(this IElement element) => element.HasAttribute("disabled");

    private static bool Matches(string actual, string expected, bool exact) =>
        exact ? actual == expected : actual.StartsWith(expected, StringComparison.Ordinal);

    private static IElement Single(IEnumerable<IElement> elements, string what)
    {
        var list = elements.ToList();
        return list.Count == 1 ? list[0] : throw new InvalidOperationException($"Expected one {what}, found {list.Count}.");
    }

    private static string Normalize(string text) => WhiteSpace().Replace(text, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
