using BuildingBlocks.TenantConfig;
using Npgsql;
using Tenancy.Access;

namespace Tenancy.Usage;

/// <summary>GET /api/v1/tenants/{tenantId}/usage?from=&amp;to=: daily rollups (filled from Ingestion's metering).</summary>
public static class UsageEndpoints
{
    public sealed record DailyUsage(DateOnly Day, long Events, long Bytes, long Rejected, long RateLimited);

    public static RouteHandlerBuilder MapUsageEndpoints(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/v1/tenants/{tenantId}/usage", List).WithTags("Usage").RequireTenantRole(ApiKeyRole.Viewer);

    static async Task<IResult> List(string tenantId, DateOnly? from, DateOnly? to, NpgsqlDataSource db, TimeProvider clock, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var (start, end) = (from ?? today.AddDays(-30), to ?? today);
        if (end < start || end.DayNumber - start.DayNumber > 366)
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["to"] = ["to must be on or after from, at most 366 days later."] });

        await using var command = db.CreateCommand("""
            select day, events, bytes, rejected, rate_limited from usage_daily
            where tenant_id = @tenant and day between @from and @to order by day
            """);
        command.Parameters.AddWithValue("tenant", tenantId);
        command.Parameters.AddWithValue("from", start);
        command.Parameters.AddWithValue("to", end);
        var days = new List<DailyUsage>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            days.Add(new DailyUsage(reader.GetFieldValue<DateOnly>(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4)));
        return Results.Ok(new { tenantId, from = start, to = end, days });
    }
}
