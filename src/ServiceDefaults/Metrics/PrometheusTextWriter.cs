using System.Globalization;
using System.Text;

namespace ServiceDefaults.Metrics;

/// <summary>Writes families in the Prometheus text exposition format 0.0.4.</summary>
internal static class PrometheusTextWriter
{
    public static string Write(IEnumerable<MetricFamily> families)
    {
        var text = new StringBuilder(16 * 1024);
        foreach (var family in families) Write(text, family);
        return text.ToString();
    }

    /// <summary>Go's ParseFloat spelling, which is what Prometheus reads: +Inf, -Inf, NaN, round-trip digits.</summary>
    static string Number(double value) => value switch
    {
        double.PositiveInfinity => "+Inf",
        double.NegativeInfinity => "-Inf",
        double.NaN => "NaN",
        _ => value.ToString("R", CultureInfo.InvariantCulture),
    };

    static void Write(StringBuilder text, MetricFamily family)
    {
        var descriptor = family.Descriptor;
        text.Append("# HELP ").Append(descriptor.Name).Append(' ').Append(EscapeHelp(descriptor.Help)).Append('\n');
        text.Append("# TYPE ").Append(descriptor.Name).Append(' ').Append(TypeName(descriptor.Type)).Append('\n');
        foreach (var sample in family.Samples)
        {
            if (descriptor.Type == PrometheusType.Histogram) WriteHistogram(text, descriptor, sample);
            else WriteSample(text, descriptor.Name, sample.Labels, Number(sample.Value));
        }
    }

    static void WriteHistogram(StringBuilder text, MetricDescriptor descriptor, SeriesSample sample)
    {
        var bucketName = descriptor.Name + "_bucket";
        var labelsAndLe = sample.Labels.Length == 0 ? "le=\"" : sample.Labels + ",le=\"";
        long cumulative = 0;
        for (var i = 0; i < sample.BucketCounts.Length; i++)
        {
            cumulative += sample.BucketCounts[i];
            var upperBound = i < descriptor.ExportedBoundaries.Length ? Number(descriptor.ExportedBoundaries[i]) : "+Inf";
            WriteSample(text, bucketName, labelsAndLe + upperBound + "\"", Count(cumulative));
        }
        WriteSample(text, descriptor.Name + "_sum", sample.Labels, Number(sample.Value));
        // Taken from the buckets, not a separate counter, so _count always equals the +Inf bucket.
        WriteSample(text, descriptor.Name + "_count", sample.Labels, Count(cumulative));
    }

    static void WriteSample(StringBuilder text, string name, string labels, string value)
    {
        text.Append(name);
        if (labels.Length > 0) text.Append('{').Append(labels).Append('}');
        text.Append(' ').Append(value).Append('\n');
    }

    static string Count(long count) => count.ToString(CultureInfo.InvariantCulture);

    static string EscapeHelp(string help) => help.Replace("\\", @"\\").Replace("\n", @"\n");

    static string TypeName(PrometheusType type) => type switch
    {
        PrometheusType.Counter => "counter",
        PrometheusType.Gauge => "gauge",
        _ => "histogram",
    };
}
