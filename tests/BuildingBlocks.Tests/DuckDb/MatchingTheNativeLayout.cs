using System.Runtime.CompilerServices;
using BuildingBlocks.DuckDb.Native;
using static BuildingBlocks.DuckDb.Native.NativeMethods;

namespace BuildingBlocks.Tests.DuckDb;

/// <summary>Guards the hand-written duckdb_result against a DuckDB upgrade that changes it.</summary>
/// <remarks>Raw calls, because the public API throws on a failing query before its struct could be inspected.</remarks>
public sealed class MatchingTheNativeLayout : IDisposable
{
    readonly DatabaseHandle database;
    readonly ConnectionHandle connection;

    public MatchingTheNativeLayout()
    {
        duckdb_open_ext(null, out database, 0, out _).ShouldBe(DuckState.Success);
        duckdb_connect(database, out connection).ShouldBe(DuckState.Success);
    }

    [Fact]
    public void the_result_struct_is_48_bytes()
    {
        Unsafe.SizeOf<NativeResult>().ShouldBe(NativeResult.Size);
        NativeResult.Size.ShouldBe(48);
    }

    [Fact]
    public void duckdb_fills_the_fields_where_we_declared_them()
    {
        using var result = ResultHandle.Allocate();

        duckdb_query(connection, "SELECT 1 AS a, 2 AS b, 3 AS c", result).ShouldBe(DuckState.Success);

        result.Value.DeprecatedColumnCount.ShouldBe(3UL);
        result.Value.DeprecatedErrorMessage.ShouldBe(0);
        result.Value.InternalData.ShouldNotBe(0);
        duckdb_column_count(result).ShouldBe(3UL);
    }

    [Fact]
    public void a_failed_query_leaves_its_message_where_we_declared_it()
    {
        using var result = ResultHandle.Allocate();

        duckdb_query(connection, "SELEC 1", result).ShouldBe(DuckState.Error);

        result.Value.DeprecatedErrorMessage.ShouldNotBe(0);
        Text(result.Value.DeprecatedErrorMessage).ShouldBe(ResultError(result));
    }

    public void Dispose()
    {
        connection.Dispose();
        database.Dispose();
    }
}
