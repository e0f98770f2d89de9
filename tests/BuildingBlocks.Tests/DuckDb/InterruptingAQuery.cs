using BuildingBlocks.DuckDb;

namespace BuildingBlocks.Tests.DuckDb;

public sealed class InterruptingAQuery
{
    [Fact]
    public async Task a_long_query_interrupted_from_another_thread_fails_and_leaves_the_connection_usable()
    {
        using var database = DuckDatabase.Open();
        using var connection = database.Connect();
        var running = Task.Run(() => connection.ExecuteScalar<long>("SELECT count(*) FROM range(10000000000) t(a) WHERE a % 7 = 3"));
        await Task.Delay(300);

        connection.Interrupt();

        var failure = await Should.ThrowAsync<DuckDbException>(running);
        failure.Message.ShouldContain("INTERRUPT", Case.Insensitive);
        connection.ExecuteScalar<long>("SELECT 42").ShouldBe(42);
    }
}
