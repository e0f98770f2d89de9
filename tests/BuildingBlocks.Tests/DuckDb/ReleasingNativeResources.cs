using System.Runtime.CompilerServices;
using BuildingBlocks.DuckDb;

namespace BuildingBlocks.Tests.DuckDb;

public sealed class ReleasingNativeResources
{
    [Fact]
    public void disposing_everything_twice_is_harmless()
    {
        var database = TestDatabases.InMemory();
        var connection = database.Connect();
        connection.Execute("CREATE TABLE t (i BIGINT)");
        var appender = connection.CreateAppender("t");
        appender.Append(1L).EndRow();
        var statement = connection.Prepare("SELECT i FROM t");
        appender.Dispose();
        var reader = statement.ExecuteReader();
        reader.ReadChunk().ShouldBeTrue();

        reader.Dispose();
        reader.Dispose();
        statement.Dispose();
        statement.Dispose();
        appender.Dispose();
        connection.Dispose();
        connection.Dispose();
        database.Dispose();
        database.Dispose();
    }

    [Fact]
    public void using_an_object_after_disposing_it_throws_instead_of_touching_freed_memory()
    {
        using var database = TestDatabases.InMemory();
        var connection = database.Connect();
        var statement = connection.Prepare("SELECT 1");
        var reader = connection.Query("SELECT 1");
        reader.Dispose();
        statement.Dispose();
        connection.Dispose();

        Should.Throw<ObjectDisposedException>(() => reader.ReadChunk());
        Should.Throw<ObjectDisposedException>(() => statement.ExecuteNonQuery());
        Should.Throw<ObjectDisposedException>(() => connection.Execute("SELECT 1"));
        database.Dispose();
        Should.Throw<ObjectDisposedException>(() => database.Connect());
    }

    [Fact]
    public void a_connection_keeps_its_database_open_until_the_connection_is_disposed()
    {
        var database = TestDatabases.InMemory();
        using var connection = database.Connect();
        connection.Execute("CREATE TABLE kept (i BIGINT); INSERT INTO kept VALUES (7)");

        database.Dispose();

        connection.ExecuteScalar<long>("SELECT i FROM kept").ShouldBe(7);
    }

    [Fact]
    public void a_reader_stays_readable_after_its_statement_and_connection_are_disposed()
    {
        using var database = TestDatabases.InMemory();
        var connection = database.Connect();
        var statement = connection.Prepare("SELECT range FROM range(3000)");
        using var reader = statement.ExecuteReader();

        statement.Dispose();
        connection.Dispose();

        var rows = 0;
        while (reader.ReadChunk()) rows += reader.ChunkSize;
        rows.ShouldBe(3000);
    }

    [Fact]
    public void disposing_an_appender_after_a_failed_row_does_not_hide_the_first_error()
    {
        using var database = TestDatabases.InMemory();
        using var connection = database.Connect();
        connection.Execute("CREATE TABLE pairs (a BIGINT, b BIGINT)");
        var appender = connection.CreateAppender("pairs");

        Should.Throw<DuckDbException>(() => appender.Append(1L).EndRow());

        Should.NotThrow(appender.Dispose);
        Should.NotThrow(appender.Dispose);
    }

    [Fact]
    public void reading_past_the_last_chunk_keeps_answering_false()
    {
        using var database = TestDatabases.InMemory();
        using var connection = database.Connect();
        using var reader = connection.Query("SELECT 1");

        reader.ReadChunk().ShouldBeTrue();
        reader.ReadChunk().ShouldBeFalse();
        reader.ReadChunk().ShouldBeFalse();
        reader.ChunkSize.ShouldBe(0);
    }

    [Fact]
    public void objects_nobody_disposed_are_released_by_finalizers_in_a_safe_order()
    {
        var abandoned = Abandon();

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        abandoned.IsAlive.ShouldBeFalse();
        using var database = TestDatabases.InMemory();
        using var connection = database.Connect();
        connection.ExecuteScalar<int>("SELECT 1").ShouldBe(1);
    }

    // Separate and not inlined, so nothing on the test's stack keeps these objects reachable.
    [MethodImpl(MethodImplOptions.NoInlining)]
    static WeakReference Abandon()
    {
        var database = TestDatabases.InMemory();
        var connection = database.Connect();
        connection.Execute("CREATE TABLE t (i BIGINT)");
        var appender = connection.CreateAppender("t");
        appender.Append(1L).EndRow();
        connection.Prepare("SELECT i FROM t").ExecuteReader().ReadChunk();
        return new WeakReference(database);
    }
}
