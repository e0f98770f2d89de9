namespace BuildingBlocks.DuckDb.Native;

/// <summary>Owns a duckdb_connection; closed with duckdb_disconnect before its database.</summary>
internal sealed class ConnectionHandle : DependentHandle
{
    protected override void Destroy(nint native) => NativeMethods.duckdb_disconnect(ref native);
}
