using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Tenancy.Pipelines;

/// <summary>
/// Tenants' patterns run over every record in Processing, with <see cref="MatchTimeout"/>. A pattern that backtracks
/// catastrophically would time out on line after line and stall its partition, so it is refused when it is defined:
/// compiled the way Processing compiles it and tried on adversarial samples under the same timeout.
/// </summary>
public static class RegexSafety
{
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(100);
    public const int MaxPatternLength = 1000;

    /// <summary>
    /// Runs of one kind of character ended by one that cannot finish the match: the input on which nested or overlapping
    /// quantifiers such as (a+)+$ or (\d+)+$ explode. The log line catches patterns that are merely slow on real records.
    /// Samples catch the usual shapes, not every one; Processing's own match timeout remains the last line of defence.
    /// </summary>
    static readonly string[] Samples =
    [
        new string('a', 36) + "!",
        new string('1', 36) + "!",
        new string(' ', 36) + "!",
        """2024-05-01T12:00:00Z level=error msg="upstream timed out" user=alice@example.com ip=203.0.113.7 card=4111111111111111""",
    ];

    /// <summary>Null when the pattern is safe to run, else why it is refused.</summary>
    public static string? ProblemWith(string pattern)
    {
        if (pattern.Length > MaxPatternLength) return $"The pattern must be at most {MaxPatternLength} characters.";
        Regex regex;
        try
        {
            regex = new Regex(pattern, RegexOptions.None, MatchTimeout);
        }
        catch (ArgumentException e)
        {
            return $"The pattern is not a valid regular expression: {e.Message}";
        }
        var elapsed = Stopwatch.StartNew();
        foreach (var sample in SamplesFor(pattern))
        {
            try
            {
                regex.IsMatch(sample);
            }
            catch (RegexMatchTimeoutException)
            {
                return $"The pattern backtracks catastrophically: it ran longer than {MatchTimeout.TotalMilliseconds:0} ms on a " +
                    $"{sample.Length}-character sample. Avoid nested or overlapping quantifiers such as (a+)+.";
            }
            // Also bounds what one request can cost: 50 stages of patterns just under the timeout on every sample.
            if (elapsed.Elapsed > MatchTimeout)
                return $"The pattern is too slow: it needed more than {MatchTimeout.TotalMilliseconds:0} ms for a few short samples.";
        }
        return null;
    }

    /// <summary>
    /// The fixed samples, then runs of the letters and digits the pattern names itself, since (x+x+)+y explodes only on
    /// x's. A few suffice: a benign pattern costs microseconds per sample, a catastrophic one stops at its first timeout.
    /// </summary>
    static IEnumerable<string> SamplesFor(string pattern) =>
        Samples.Concat(pattern.Where(char.IsAsciiLetterOrDigit).Distinct().Take(8).Select(c => new string(c, 36) + "!"));

    /// <summary>Whether a safe pattern has a named group, e.g. (?&lt;level&gt;\w+); numbered groups have no field name to become.</summary>
    public static bool HasNamedGroup(string pattern) =>
        Compile(pattern)?.GetGroupNames().Any(name => !name.All(char.IsAsciiDigit)) ?? false;

    /// <summary>Whether a safe pattern matches the empty string, which a redaction would apply between every character.</summary>
    public static bool MatchesEmpty(string pattern) => Compile(pattern)?.IsMatch("") ?? false;

    static Regex? Compile(string pattern)
    {
        try
        {
            return new Regex(pattern, RegexOptions.None, MatchTimeout);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
