namespace BuildingBlocks.DuckDb.Native;

/// <summary>Owns a duckdb_appender; destroyed before its connection.</summary>
/// <remarks>
/// duckdb_appender_destroy also flushes. <see cref="DuckAppender.Dispose"/> closes first so a failed flush is reported;
/// here (a finalizer, or after that report) there is nobody left to tell, so the state is ignored.
/// </remarks>
internal sealed class AppenderHandle : DependentHandle
{
    protected override void Destroy(nint native) => NativeMethods.duckdb_appender_destroy(ref native);
}
