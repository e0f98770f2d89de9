namespace ServiceDefaults.Tests;

/// <summary>
/// Reads a scrape line by line. The exporter sees every meter in the test process (other tests' too, and the
/// runtime's), so tests only ever look at the families they created.
/// </summary>
static class Exposition
{
    static readonly string[] HistogramSuffixes = ["_bucket", "_sum", "_count"];

    /// <summary>The HELP, TYPE and sample lines of one family, in scrape order.</summary>
    public static string[] FamilyLines(string scrape, string family) =>
        [.. scrape.Split('\n').Where(line => NameOf(line) is { } name && (name == family || HistogramSuffixes.Any(s => name == family + s)))];

    /// <summary>The value on the line of one exact series, e.g. <c>requests_total{status="200"}</c>.</summary>
    public static string? Value(string scrape, string series) =>
        scrape.Split('\n').FirstOrDefault(line => line.StartsWith(series + " ", StringComparison.Ordinal))?[(series.Length + 1)..];

    static string? NameOf(string line)
    {
        if (line.Length == 0) return null;
        if (line.StartsWith("# ", StringComparison.Ordinal)) return line.Split(' ') is { Length: > 2 } words ? words[2] : null;
        return line.Split('{', ' ')[0];
    }
}
