using System.Globalization;

namespace ServiceDefaults.Metrics;

/// <summary>Renders a tag set as the inside of a Prometheus label block: <c>a="1",b="x"</c>.</summary>
internal static class PrometheusLabels
{
    public static string Render(TagSet tags)
    {
        // Sorted again after sanitizing, and tags whose keys sanitize alike ("a.b", "a_b") share one label with
        // their values joined by ';' as OpenTelemetry does: a repeated label name would make the whole scrape invalid.
        var labels = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in tags.Tags)
        {
            var name = PrometheusNaming.LabelName(key);
            var text = Format(value);
            labels[name] = labels.TryGetValue(name, out var earlier) ? $"{earlier};{text}" : text;
        }
        return string.Join(',', labels.Select(label => $"{label.Key}=\"{EscapeValue(label.Value)}\""));
    }

    static string EscapeValue(string value) =>
        value.Replace("\\", @"\\").Replace("\"", "\\\"").Replace("\n", @"\n");

    static string Format(object? value) => value switch
    {
        null => "",
        string text => text,
        bool flag => flag ? "true" : "false",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
