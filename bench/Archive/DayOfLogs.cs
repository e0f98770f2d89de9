using Contracts.Logs;
using Query.Bench;

namespace Archive.Bench;

/// <summary>
/// N records of one tenant spread in time order over one UTC day (a few seconds of jitter, kept inside the day), in
/// intake-sized batches of 1,000–5,000 records, with bench/Query's needles planted. Either every record is a loghub
/// line, or, as bench/Query's Dataset draws them (same seeds, same batches, so the same records), half are loghub
/// lines and half synthetic application logs. Records are made while they are read and counted as they go: their
/// size as NDJSON lines, their number per service, and per service those whose message holds <c>word</c> as a whole
/// token (ASCII letters in either case), which the scans are checked against.
/// </summary>
sealed class DayOfLogs(string tenant, long records, DateOnly day, Loghub loghub, Needles needles, bool mixed, string word)
{
    public string Tenant => tenant;
    public long Records => records;
    public DateOnly Day => day;
    public string Kind => mixed ? "mixed (½ loghub, ½ application logs)" : "loghub only";
    public long StartNanos { get; } = (day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).Ticks - DateTime.UnixEpoch.Ticks) * 100;
    public long EndNanos => StartNanos + SpanNanos;
    public long RawNdjsonBytes { get; private set; }
    public Dictionary<string, long> ByService { get; } = [];
    public Dictionary<string, long> WithWordByService { get; } = [];

    const long SpanNanos = 86_400_000_000_000;

    /// <summary>The batches in time order, each with its number (a stand-in for its Kafka offset). Read once.</summary>
    public IEnumerable<(long Number, List<LogRecord> Records)> Batches()
    {
        var sizes = new Random(7);
        var ndjson = new NdjsonSize();
        long number = 0;
        for (long from = 0; from < records; number++)
        {
            var to = Math.Min(records, from + sizes.Next(1_000, 5_001));
            var random = new Random((int)number);
            var batch = new List<LogRecord>((int)(to - from));
            for (var i = from; i < to; i++)
            {
                var timestamp = Math.Clamp(StartNanos + (long)((double)i / records * SpanNanos) + random.NextInt64(-3_000_000_000, 3_000_000_000),
                    StartNanos, EndNanos - 1);
                var record = !mixed || random.Next(2) == 0 ? FromLoghub(timestamp, random) : AppLogs.Create(tenant, i, timestamp, random);
                if (needles.TryGet(i, out var plant))
                    record = plant.Token is { } token ? record with { Message = record.Message + " " + token } : record with { TraceId = plant.TraceId };
                RawNdjsonBytes += ndjson.Of(record);
                ByService[record.Service!] = ByService.GetValueOrDefault(record.Service!) + 1;
                if (HasToken(record.Message, word)) WithWordByService[record.Service!] = WithWordByService.GetValueOrDefault(record.Service!) + 1;
                batch.Add(record);
            }
            yield return (number, batch);
            from = to;
        }
    }

    /// <summary>Tokens are runs of ASCII letters, digits, '_' and non-ASCII characters (the rule of Query's Tokens).</summary>
    static bool HasToken(string text, string token)
    {
        for (var at = text.IndexOf(token, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(token, at + 1, StringComparison.OrdinalIgnoreCase))
            if ((at == 0 || !IsTokenChar(text[at - 1])) && (at + token.Length == text.Length || !IsTokenChar(text[at + token.Length])))
                return true;
        return false;
    }

    static bool IsTokenChar(char c) => c >= 0x80 || char.IsAsciiLetterOrDigit(c) || c == '_';

    LogRecord FromLoghub(long timestamp, Random random)
    {
        var line = loghub.Lines[random.Next(loghub.Lines.Count)];
        return new LogRecord
        {
            Tenant = tenant,
            TimestampNanos = timestamp,
            ObservedNanos = timestamp + random.Next(1, 2_000) * 1_000_000L,
            Level = line.Level,
            Service = line.Service,
            Host = line.Host,
            Message = line.Message,
            Source = LogSource.Elasticsearch,
        };
    }
}
