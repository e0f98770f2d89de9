using TestInfrastructure;

namespace Query.IntegrationTests;

[Collection(QueryCollection.Name)]
public sealed class SurvivingIndexerCrashes(QueryStack stack)
{
    [Fact]
    public async Task counts_are_exact_after_the_indexer_is_killed_mid_stream_and_batches_are_replayed()
    {
        var (tenant, key) = await stack.OnboardAsync();
        var (other, otherKey) = await stack.OnboardAsync();
        var start = QueryStack.NowNanos() - 60_000_000_000L;
        var sent = new List<Guid>();

        var stream = Task.Run(async () =>
        {
            for (var batch = 0; batch < 120; batch++)
            {
                var records = Enumerable.Range(0, 100).Select(i => QueryStack.Record(tenant, $"event {batch}-{i}", start + (batch * 100 + i) * 1_000_000L)).ToList();
                sent.Add(await stack.PublishProcessedAsync(tenant, records));
                if (batch % 4 == 0) await stack.PublishProcessedAsync(other, [QueryStack.Record(other, $"other {batch}", start + batch)]);
                await Task.Delay(40);
            }
        });
        await Task.Delay(2000);
        await stack.Stack.CrashAndRestartAsync("query");
        await stream;
        // The processor replays batches under their original ids after its own crashes; they must count once.
        foreach (var replayed in sent.Take(10))
            await stack.PublishProcessedAsync(tenant, [QueryStack.Record(tenant, "replayed copy", start)], replayed);

        var from = DateTimeOffset.UtcNow.AddHours(-1);
        var to = DateTimeOffset.UtcNow.AddMinutes(1);
        await Eventually.Until(async () => (await stack.QueryAllAsync(key, "", from, to)).Count >= 12_000, TimeSpan.FromSeconds(60), "everything is indexed again");
        await Task.Delay(3000); // anything duplicated would show up by now
        var all = await stack.QueryAllAsync(key, "", from, to);
        all.Count.ShouldBe(12_000);
        all.Select(r => r.GetProperty("message").GetString()).Distinct().Count().ShouldBe(12_000);
        (await stack.QueryAllAsync(otherKey, "", from, to)).Count.ShouldBe(30);
    }
}
