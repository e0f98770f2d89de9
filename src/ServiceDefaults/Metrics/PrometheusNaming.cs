using System.Text;

namespace ServiceDefaults.Metrics;

/// <summary>
/// Metric and label names the way the OpenTelemetry Prometheus exporter builds them, plus what promtool's lint
/// demands on top: snake_case, and no gauge whose name ends like a histogram or counter sample.
/// </summary>
internal static class PrometheusNaming
{
    static readonly string[] SampleSuffixes = ["total", "count", "sum", "bucket"];

    public static string MetricName(string instrumentName, string unitSuffix, PrometheusType type)
    {
        var name = Sanitize(instrumentName).TrimEnd('_');
        if (name.Length == 0 || char.IsAsciiDigit(name[0])) name = "_" + name;
        if (unitSuffix.Length > 0 && !EndsWithWord(name, unitSuffix)) name = Join(name, unitSuffix);
        if (type == PrometheusType.Counter && !EndsWithWord(name, "total")) name = Join(name, "total");
        // dotnet.timer.count would read as the _count sample of a histogram; promtool refuses such a gauge.
        if (type == PrometheusType.Gauge && SampleSuffixes.Any(suffix => EndsWithWord(name, suffix)))
            name = Join(name, "current");
        return name;
    }

    public static string LabelName(string tagKey)
    {
        var name = Sanitize(tagKey);
        // A leading digit is illegal; "le" and "quantile" belong to histograms and summaries, and promtool rejects
        // them anywhere else.
        return name.Length == 0 || char.IsAsciiDigit(name[0]) || name is "le" or "quantile" ? "key_" + name : name;
    }

    /// <summary>
    /// Every character outside [a-zA-Z0-9_] becomes '_', runs of '_' collapse to one, and camelCase becomes
    /// snake_case (promtool rejects camelCase names).
    /// </summary>
    public static string Sanitize(string raw)
    {
        var name = new StringBuilder(raw.Length + 4);
        var previous = '\0';
        foreach (var c in raw)
        {
            if (char.IsAsciiLetterLower(previous) && char.IsAsciiLetterUpper(c)) AppendUnderscore(name);
            if (char.IsAsciiLetterOrDigit(c)) name.Append(char.ToLowerInvariant(c));
            else AppendUnderscore(name);
            previous = c;
        }
        return name.ToString();
    }

    static void AppendUnderscore(StringBuilder name)
    {
        if (name.Length == 0 || name[^1] != '_') name.Append('_');
    }

    static bool EndsWithWord(string name, string word) =>
        name == word || (name.EndsWith(word, StringComparison.Ordinal) && name[^(word.Length + 1)] == '_');

    static string Join(string name, string suffix) => name.EndsWith('_') ? name + suffix : $"{name}_{suffix}";
}
