using System.Globalization;

namespace Tenancy.AlertRules;

/// <summary>An alert window as rules write it: whole minutes or hours ("5m", "2h"), from 1m to 24h.</summary>
public static class AlertWindow
{
    public static readonly TimeSpan Shortest = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan Longest = TimeSpan.FromHours(24);

    /// <summary>The window's length, or null when the text is not a window in range.</summary>
    public static TimeSpan? Parse(string? text)
    {
        // No sign, spaces or leading zeros: one spelling per window keeps rules comparable by text.
        if (text is not { Length: >= 2 and <= 5 } || text[0] == '0') return null;
        if (!int.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var amount)) return null;
        TimeSpan? window = text[^1] switch
        {
            'm' => TimeSpan.FromMinutes(amount),
            'h' => TimeSpan.FromHours(amount),
            _ => null,
        };
        return window >= Shortest && window <= Longest ? window : null;
    }

    public static bool IsValid(string? text) => Parse(text) is not null;
}
