using Contracts.Logs;
using Query.Bench;
using Query.Tail;

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
                var record = !mixed || random.Next(2) == 0 ? loghub.Record(tenant, timestamp, random) : AppLogs.Create(tenant, i, timestamp, random);
                if (needles.TryGet(i, out var plant))
                    record = plant.Token is { } token ? record with { Message = record.Message + " " + token } : record with { TraceId = plant.TraceId };
                RawNdjsonBytes += ndjson.Of(record);
                ByService[record.Service!] = ByService.GetValueOrDefault(record.Service!) + 1;
                if (WholeWords.Occur(word, record.Message)) WithWordByService[record.Service!] = WithWordByService.GetValueOrDefault(record.Service!) + 1;
                batch.Add(record);
            }
            yield return (number, batch);
            from = to;
        }
    }
}
