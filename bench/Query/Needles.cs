namespace Query.Bench;

/// <summary>
/// What the generator plants and the searches must find again: rare tokens (<c>needle</c> + 12 hex) in 1–3 records
/// each and trace ids on exactly 5 records each, at random positions of the data set (so at random times of the day).
/// </summary>
sealed class Needles
{
    public sealed record Needle(string Value, bool IsTraceId, int Planted)
    {
        public string Query => IsTraceId ? $"trace_id={Value}" : Value;
    }

    /// <summary>One plant per record: a token to add to its message, or a trace id to give it.</summary>
    public readonly record struct Plant(string? Token, string? TraceId);

    readonly Dictionary<long, Plant> plants = [];

    public List<Needle> All { get; } = [];

    public bool TryGet(long index, out Plant plant) => plants.TryGetValue(index, out plant);

    public static Needles Plan(long records, int tokens = 20, int traceIds = 20, int seed = 2026)
    {
        var random = new Random(seed);
        var needles = new Needles();
        for (var t = 0; t < tokens; t++)
        {
            var needle = new Needle("needle" + Hex(random, 6), IsTraceId: false, Planted: random.Next(1, 4));
            needles.All.Add(needle);
            for (var i = 0; i < needle.Planted; i++) needles.plants.Add(needles.FreePosition(random, records), new Plant(needle.Value, null));
        }
        for (var t = 0; t < traceIds; t++)
        {
            var needle = new Needle(Hex(random, 16), IsTraceId: true, Planted: 5);
            needles.All.Add(needle);
            for (var i = 0; i < needle.Planted; i++) needles.plants.Add(needles.FreePosition(random, records), new Plant(null, needle.Value));
        }
        return needles;
    }

    long FreePosition(Random random, long records)
    {
        while (true)
        {
            var position = random.NextInt64(records);
            if (!plants.ContainsKey(position)) return position;
        }
    }

    static string Hex(Random random, int bytes)
    {
        var buffer = new byte[bytes];
        random.NextBytes(buffer);
        return Convert.ToHexStringLower(buffer);
    }
}
