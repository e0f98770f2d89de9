namespace BuildingBlocks.DuckDb.Native;

/// <summary>Owns a duckdb_prepared_statement; destroyed before its connection.</summary>
internal sealed class PreparedStatementHandle : DependentHandle
{
    protected override void Destroy(nint native) => NativeMethods.duckdb_destroy_prepare(ref native);
}
