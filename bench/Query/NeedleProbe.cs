namespace Query.Bench;

/// <summary>
/// Searches every planted token and trace id three times and checks that each finds exactly the planted records.
/// </summary>
static class NeedleProbe
{
    public sealed record Search(int Round, string Query, double ClientMs, double ServerMs, SearchClient.Stats Stats);

    public sealed record Result(List<Search> Searches, List<string> Mismatches)
    {
        public IEnumerable<double> ClientMs => Searches.Select(s => s.ClientMs);
        public IEnumerable<double> ServerMs => Searches.Select(s => s.ServerMs);
        public IEnumerable<SearchClient.Stats> Stats => Searches.Select(s => s.Stats);
    }

    public static async Task<Result> RunAsync(SearchClient search, IReadOnlyList<Needles.Needle> needles, int rounds = 3)
    {
        var result = new Result([], []);
        for (var round = 0; round < rounds; round++)
        {
            foreach (var needle in needles)
            {
                SearchClient.Answer answer;
                try
                {
                    answer = await search.SearchAsync(needle.Query);
                }
                catch (HttpRequestException e)
                {
                    result.Mismatches.Add($"round {round + 1}: {e.Message}");
                    continue;
                }
                result.Searches.Add(new Search(round + 1, needle.Query, answer.ClientMs, answer.ServerMs, answer.Stats));
                var matching = answer.Results.Count(r => needle.IsTraceId
                    ? r.TryGetProperty("traceId", out var trace) && trace.GetString() == needle.Value
                    : r.TryGetProperty("message", out var message) && message.GetString()!.Contains(needle.Value, StringComparison.Ordinal));
                if (answer.Count != needle.Planted || answer.Results.Count != needle.Planted || matching != needle.Planted)
                    result.Mismatches.Add($"round {round + 1}: '{needle.Query}' planted {needle.Planted}, count {answer.Count}, " +
                        $"{answer.Results.Count} results of which {matching} match");
            }
        }
        return result;
    }
}
