using Query.Search;

namespace Archive.Bench;

/// <summary>The figures of one data set against the goals, and what is wrong with them.</summary>
sealed record Report(DayOfLogs Data, int Flushes, double LoadSeconds, ArchiveRun.Result Archive, ScanProbe.Result Scan)
{
    const double GoalRatio = 15;

    public List<string> Failures()
    {
        var failures = Scan.Mismatches.Select(m => $"{Data.Kind}: {m}").ToList();
        void Check(bool ok, string problem)
        {
            if (!ok) failures.Add($"{Data.Kind}: {problem}");
        }
        Check(Archive.Hot.Rows == Data.Records, $"the hot tier held {Archive.Hot.Rows:N0} rows, {Data.Records:N0} were generated");
        Check(Archive.Archive.Rows == Data.Records, $"the archive holds {Archive.Archive.Rows:N0} rows, {Data.Records:N0} were generated");
        Check(Archive.Catalog.Sum(o => o.Rows) == Data.Records, $"the catalog lists {Archive.Catalog.Sum(o => o.Rows):N0} rows");
        Check(Archive.Objects == Archive.Catalog.Count, $"tiering reported {Archive.Objects} objects, the catalog lists {Archive.Catalog.Count}");
        Check(Archive.HotLeft == 0, $"{Archive.HotLeft} hot segments left after tiering");
        Check(Archive.SecondRoundObjects == 0, $"a second tiering round archived {Archive.SecondRoundObjects} more objects");
        var listed = Archive.Listed.Select(b => (b.Name, b.Length)).Order().ToList();
        var catalogued = Archive.Catalog.Select(o => (Name: o.Blob, Length: o.Bytes)).Order().ToList();
        Check(listed.SequenceEqual(catalogued), $"Azurite lists {string.Join(", ", listed)}; the catalog {string.Join(", ", catalogued)}");
        return failures;
    }

    public void Print()
    {
        var raw = Data.RawNdjsonBytes;
        var (hot, archive) = (Archive.Hot, Archive.Archive);
        var rawRatio = raw / (double)archive.ParquetBytes;
        Console.WriteLine($"{Data.Kind}, {Data.Records:N0} records of one tenant over {Data.Day:yyyy-MM-dd} (UTC):");
        Console.WriteLine($"  raw NDJSON     {Mib(raw)} ({raw / (double)Data.Records:0} bytes/line)");
        Console.WriteLine($"  hot segments   {Mib(hot.ParquetBytes)} Parquet in {hot.Files} files, {hot.RowGroups} row groups (+ {Mib(hot.IndexBytes)} .idx): " +
            $"raw/hot {raw / (double)hot.ParquetBytes:0.0}x ({raw / (double)(hot.ParquetBytes + hot.IndexBytes):0.0}x with .idx)");
        Console.WriteLine($"  archive        {Mib(archive.ParquetBytes)} in {Archive.Catalog.Count} objects, {archive.RowGroups} row groups " +
            $"(+ {Mib(archive.IndexBytes)} .idx kept locally); catalog {Mib(Archive.Catalog.Sum(o => o.Bytes))}, Azurite lists {Archive.Listed.Count} blobs of {Mib(Archive.Listed.Sum(b => b.Length))}");
        Console.WriteLine($"  ratio          raw/archive {rawRatio:0.0}x (goal >= {GoalRatio}x: {(rawRatio >= GoalRatio ? "met" : "MISSED")}); " +
            $"hot/archive {hot.ParquetBytes / (double)archive.ParquetBytes:0.00}x");
        var columns = Archive.Columns;
        Console.WriteLine($"  by column      {string.Join(", ", columns.Select(c => $"{c.Name} {c.Compressed / (double)columns.Sum(x => x.Compressed):P0}"))} " +
            "of the column chunks (compressed)");
        Console.WriteLine($"  what if        with millisecond timestamps (the generator draws nanoseconds) the archive would take {Mib(Archive.MillisecondBytes)}: " +
            $"raw/archive {raw / (double)Archive.MillisecondBytes:0.0}x");
        var seconds = Archive.Seconds;
        Console.WriteLine($"  tiering        {seconds:0.0} s: {Data.Records / seconds:N0} lines/s, {Mib(raw / seconds)}/s of raw NDJSON, " +
            $"{Mib(hot.ParquetBytes / seconds)}/s of hot segments read, {Mib(archive.ParquetBytes / seconds)}/s of archive written and uploaded");
        Console.WriteLine($"                 upload alone (MD5, PUT in 4 MiB blocks, verify) {Archive.UploadSeconds:0.00} s for {Mib(Archive.UploadBytes)} " +
            $"({Mib(Archive.UploadBytes / Archive.UploadSeconds)}/s); a second round archived {Archive.SecondRoundObjects} objects");
        PrintScan();
        Console.WriteLine($"  loading        {LoadSeconds:0.0} s to generate, append and flush ({Flushes} flushes; not a goal, the indexer's rate is bench/Query's)");
    }

    void PrintScan()
    {
        var archiveBytes = Archive.Archive.ParquetBytes;
        var (cold, warm) = (Scan.Cold, Scan.Warm);
        var warmP50 = Percentile(warm.Select(r => r.Ms), 50);
        Console.WriteLine($"  count by svc   cold {cold.Ms:N0} ms (downloads included; downloading alone {Scan.DownloadSeconds * 1000:N0} ms): " +
            $"{Data.Records / (cold.Ms / 1000):N0} lines/s, {Mib(archiveBytes / (cold.Ms / 1000))}/s of archive");
        Console.WriteLine($"                 warm p50 {warmP50:N0} ms ({string.Join(", ", warm.Select(r => r.Ms.ToString("N0")))}): " +
            $"{Data.Records / (warmP50 / 1000):N0} lines/s, {Mib(archiveBytes / (warmP50 / 1000))}/s of archive; {Stats(cold.Stats)}");
        var words = Scan.WordScans;
        var wordP50 = Percentile(words.Select(r => r.Ms), 50);
        Console.WriteLine($"  '{ScanProbe.Word}' by svc warm p50 {wordP50:N0} ms ({string.Join(", ", words.Select(r => r.Ms.ToString("N0")))}): " +
            $"{Data.Records / (wordP50 / 1000):N0} lines/s, {Mib(archiveBytes / (wordP50 / 1000))}/s of archive, " +
            $"{Data.WithWordByService.Values.Sum():N0} lines match; {Stats(words[0].Stats)}");
        var needles = Scan.Needles;
        Console.WriteLine($"  needle search  warm p50 {Percentile(needles.Select(r => r.Ms), 50):0.0} ms  p95 {Percentile(needles.Select(r => r.Ms), 95):0.0} ms " +
            $"({needles.Count} searches: {needles.Count / 3} needles × 3); per search blocks skipped {needles.Average(r => r.Stats.BlocksSkipped):0.0} / " +
            $"scanned {needles.Average(r => r.Stats.BlocksScanned):0.0}, objects scanned {needles.Average(r => r.Stats.ArchiveObjectsScanned):0.0}");
        Console.WriteLine($"                 cold '{Scan.ColdNeedle.Query}' {Scan.ColdNeedle.Ms:N0} ms (the whole object is fetched first); {Stats(Scan.ColdNeedle.Stats)}");
    }

    static string Stats(SearchStats stats) =>
        $"tiers [{string.Join(", ", stats.Tiers ?? [])}], archiveObjectsScanned {stats.ArchiveObjectsScanned}, blocksScanned {stats.BlocksScanned}, " +
        $"blocksSkipped {stats.BlocksSkipped}, segmentsSkipped {stats.SegmentsSkipped}";

    public static double Percentile(IEnumerable<double> values, int p)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, Math.Max(0, (int)Math.Ceiling(p / 100.0 * sorted.Count) - 1))];
    }

    public static string Mib(double bytes) => $"{bytes / 1024 / 1024:N1} MiB";

    public static string LoadAverage() => File.ReadAllText("/proc/loadavg").Split(' ')[0];
}
