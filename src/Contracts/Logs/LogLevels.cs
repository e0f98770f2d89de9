namespace Contracts.Logs;

/// <summary>Maps the many spellings of a severity that agents and SDKs send onto <see cref="LogLevel"/>.</summary>
public static class LogLevels
{
    // Longest spelling recognised below ("informational", "emergency"), plus room for a little surrounding junk.
    const int MaxSpelling = 16;

    /// <summary>
    /// Recognises level names case-insensitively: the usual words and abbreviations (warn, WARNING, W, err, crit, …),
    /// Serilog's names and its three-letter forms (Verbose/VRB … Fatal/FTL), .NET console's four-letter forms
    /// (trce, dbug, fail, crit), syslog keywords (emerg, alert, crit, err,
    /// warning, notice, info, debug) and numbers. A number 0–7 is a syslog severity; 8–24 can only be an OTLP severity
    /// number and is read as one. OTLP's own 1–7 (trace/debug) collide with syslog, so typed OTLP numbers must go
    /// through <see cref="FromOtlpSeverity"/> instead.
    /// </summary>
    public static bool TryNormalize(ReadOnlySpan<char> text, out LogLevel level)
    {
        text = text.Trim();
        level = LogLevel.Info;
        if (text.IsEmpty || text.Length > MaxSpelling) return false;

        if (char.IsAsciiDigit(text[0]))
        {
            if (!int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number)) return false;
            var fromNumber = number <= 7 ? FromSyslogSeverity(number) : FromOtlpSeverity(number);
            if (fromNumber is not { } known) return false;
            level = known;
            return true;
        }

        Span<char> lower = stackalloc char[text.Length];
        text.ToLowerInvariant(lower);
        LogLevel? found = lower switch
        {
            "trace" or "trc" or "trce" or "t" or "verbose" or "vrb" or "v" or "finest" or "finer" or "all" => LogLevel.Trace,
            "debug" or "dbg" or "dbug" or "d" or "fine" => LogLevel.Debug,
            "info" or "information" or "informational" or "inf" or "i" or "notice" or "note" => LogLevel.Info,
            "warn" or "warning" or "wrn" or "w" => LogLevel.Warn,
            "error" or "err" or "eror" or "e" or "severe" or "fail" => LogLevel.Error,
            "fatal" or "ftl" or "f" or "critical" or "crit" or "crt" or "c" or "panic" or "emerg" or "emergency" or "alert" => LogLevel.Fatal,
            _ => null,
        };
        level = found ?? LogLevel.Info;
        return found is not null;
    }

    /// <summary>Like <see cref="TryNormalize(ReadOnlySpan{char}, out LogLevel)"/>, falling back to Info when the spelling is unknown.</summary>
    public static LogLevel Normalize(ReadOnlySpan<char> text) => TryNormalize(text, out var level) ? level : LogLevel.Info;

    /// <summary>The UTF-8 form, for parsers that read levels straight from a request body.</summary>
    public static bool TryNormalize(ReadOnlySpan<byte> utf8, out LogLevel level)
    {
        level = LogLevel.Info;
        if (utf8.Length > MaxSpelling) return false;
        Span<char> chars = stackalloc char[MaxSpelling];
        for (var i = 0; i < utf8.Length; i++)
        {
            // Every recognised spelling is ASCII, so anything else cannot match.
            if (utf8[i] >= 0x80) return false;
            chars[i] = (char)utf8[i];
        }
        return TryNormalize(chars[..utf8.Length], out level);
    }

    /// <summary>RFC 5424 severities: 0 emergency, 1 alert, 2 critical → Fatal; 3 → Error; 4 → Warn; 5 notice, 6 → Info; 7 → Debug.</summary>
    public static LogLevel? FromSyslogSeverity(int severity) => severity switch
    {
        >= 0 and <= 2 => LogLevel.Fatal,
        3 => LogLevel.Error,
        4 => LogLevel.Warn,
        5 or 6 => LogLevel.Info,
        7 => LogLevel.Debug,
        _ => null,
    };

    /// <summary>OTLP SeverityNumber ranges: 1–4 Trace, 5–8 Debug, 9–12 Info, 13–16 Warn, 17–20 Error, 21–24 Fatal; 0 (unspecified) is null.</summary>
    public static LogLevel? FromOtlpSeverity(int severityNumber) => severityNumber switch
    {
        >= 1 and <= 4 => LogLevel.Trace,
        >= 5 and <= 8 => LogLevel.Debug,
        >= 9 and <= 12 => LogLevel.Info,
        >= 13 and <= 16 => LogLevel.Warn,
        >= 17 and <= 20 => LogLevel.Error,
        >= 21 and <= 24 => LogLevel.Fatal,
        _ => null,
    };
}
