using System.Collections;
using System.Globalization;
using Query.Language;

namespace Query.Tests.Language;

/// <summary>Short builders for expected syntax trees, so a test reads like the tree it expects.</summary>
[ShouldlyMethods]
static class Trees
{
    /// <summary>Compares two trees node by node, lists by their elements: records compare lists by reference, and
    /// Shouldly's equivalence also compares the lists' concrete types, which says nothing about the query.</summary>
    public static void ShouldBeTree(this object actual, object expected) => Shape(actual).ShouldBe(Shape(expected));

    static string Shape(object? node) => node switch
    {
        null => "null",
        string text => $"\"{text}\"",
        IEnumerable items => $"[{string.Join(", ", items.Cast<object?>().Select(Shape))}]",
        _ when node.GetType().IsValueType => Convert.ToString(node, CultureInfo.InvariantCulture)!,
        _ => $"{node.GetType().Name}({string.Join(", ", node.GetType().GetProperties().Select(p => $"{p.Name}: {Shape(p.GetValue(node))}"))})",
    };

    public static Expr FilterOf(string? query) => QueryParser.Parse(query).Filter;

    public static IReadOnlyList<Stage> StagesOf(string query) => QueryParser.Parse(query).Stages;

    public static QuerySyntaxException Refusal(string query) => Should.Throw<QuerySyntaxException>(() => QueryParser.Parse(query));

    public static TextMatch Text(string text, int at) => new(text, at);

    public static FieldRef Field(string name, int at) => new(name, at);

    public static Literal Bare(string text, int at) => new(text, false, at);

    public static Literal Quoted(string text, int at) => new(text, true, at);

    /// <summary>The leaves of a tree of ANDs, left to right; fails on any other kind of node.</summary>
    public static List<Expr> Conjuncts(Expr expr) => expr switch
    {
        And and => [.. Conjuncts(and.Left), .. Conjuncts(and.Right)],
        Or or Not => throw new ShouldAssertException($"expected only AND between terms, found {expr}"),
        _ => [expr],
    };
}
