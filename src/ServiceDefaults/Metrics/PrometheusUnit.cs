namespace ServiceDefaults.Metrics;

/// <summary>
/// The name suffix for a UCUM unit, and the factor that brings values into that unit. promtool rejects scaled units
/// ("use base unit seconds instead of milliseconds"), so milliseconds, kibibytes and the like are exported in the
/// base unit: a value is multiplied by <see cref="Multiplier"/> and divided by <see cref="Divisor"/>, so 9 ms
/// reads 0.009 s rather than the 0.009000000000000001 that multiplying by 0.001 gives.
/// </summary>
internal readonly record struct PrometheusUnit(string Suffix, double Multiplier = 1, double Divisor = 1)
{
    public static readonly PrometheusUnit None = new("");

    static readonly Dictionary<string, PrometheusUnit> Known = new(StringComparer.Ordinal)
    {
        ["d"] = new("seconds", Multiplier: 86_400),
        ["h"] = new("seconds", Multiplier: 3_600),
        ["min"] = new("seconds", Multiplier: 60),
        ["s"] = new("seconds"),
        ["ms"] = new("seconds", Divisor: 1e3),
        ["us"] = new("seconds", Divisor: 1e6),
        ["ns"] = new("seconds", Divisor: 1e9),
        ["By"] = new("bytes"),
        ["KiBy"] = new("bytes", Multiplier: 1L << 10),
        ["MiBy"] = new("bytes", Multiplier: 1L << 20),
        ["GiBy"] = new("bytes", Multiplier: 1L << 30),
        ["TiBy"] = new("bytes", Multiplier: 1L << 40),
        ["KBy"] = new("bytes", Multiplier: 1e3),
        ["MBy"] = new("bytes", Multiplier: 1e6),
        ["GBy"] = new("bytes", Multiplier: 1e9),
        ["TBy"] = new("bytes", Multiplier: 1e12),
        ["bit"] = new("bytes", Divisor: 8),
        ["m"] = new("meters"),
        ["g"] = new("grams"),
        ["V"] = new("volts"),
        ["A"] = new("amperes"),
        ["J"] = new("joules"),
        ["W"] = new("watts"),
        ["Hz"] = new("hertz"),
        ["Cel"] = new("celsius"),
        ["%"] = new("percent"),
    };

    static readonly Dictionary<string, string> PerUnit = new(StringComparer.Ordinal)
    {
        ["s"] = "second", ["min"] = "minute", ["h"] = "hour", ["d"] = "day",
        ["w"] = "week", ["mo"] = "month", ["a"] = "year", ["y"] = "year",
    };

    public double Convert(double value) => value * Multiplier / Divisor;

    public static PrometheusUnit Parse(string? ucum, PrometheusType type)
    {
        // "{request}" is a UCUM annotation: a count of requests, which Prometheus treats as unitless.
        var unit = WithoutAnnotations(ucum ?? "");
        if (unit.Length == 0) return None;
        // A dimensionless counter is still a count; only a dimensionless gauge is a fraction.
        if (unit == "1") return type == PrometheusType.Gauge ? new("ratio") : None;

        var slash = unit.IndexOf('/');
        if (slash < 0) return Single(unit);
        var perDenominator = "per_" + PerUnit.GetValueOrDefault(unit[(slash + 1)..], Sanitized(unit[(slash + 1)..]));
        var numerator = unit[..slash];
        if (numerator is "" or "1") return new(perDenominator);
        var scaled = Single(numerator);
        return scaled with { Suffix = scaled.Suffix.Length == 0 ? perDenominator : $"{scaled.Suffix}_{perDenominator}" };
    }

    static PrometheusUnit Single(string unit) => Known.TryGetValue(unit, out var known) ? known : new(Sanitized(unit));

    static string Sanitized(string unit) => PrometheusNaming.Sanitize(unit).Trim('_');

    static string WithoutAnnotations(string unit)
    {
        if (!unit.Contains('{')) return unit.Trim();
        var kept = new System.Text.StringBuilder(unit.Length);
        var depth = 0;
        foreach (var c in unit)
        {
            if (c == '{') depth++;
            else if (c == '}') depth = Math.Max(0, depth - 1);
            else if (depth == 0) kept.Append(c);
        }
        return kept.ToString().Trim();
    }
}
