using System.Net.Http.Json;
using System.Text.Json;
using BuildingBlocks.BlobStorage;
using TestInfrastructure;

namespace Query.IntegrationTests.Archive;

/// <summary>
/// Tenancy and Query on real infrastructure, with a one-hour hot window and maintenance every second, so lines a
/// day or more old reach the archive within seconds; Query's blob traffic goes through a <see cref="StallingProxy"/>.
/// </summary>
public sealed class ArchiveStack : QueryStack
{
    public StallingProxy BlobProxy { get; } = new();

    protected override Task<PlatformStack> StartStackAsync() => PlatformStack.StartAsync(["query"], stack =>
    {
        BlobProxy.TargetPort = stack.Blob.Port;
        stack.SetEnvironment("query", "ConnectionStrings__blob", BlobProxy.ConnectionString);
        stack.SetEnvironment("query", "Query__Archive__HotWindow", "01:00:00");
        stack.SetEnvironment("query", "Query__Archive__MaintenanceInterval", "00:00:01");
        stack.SetEnvironment("query", "Query__Archive__SupersededGrace", "00:00:02");
    });

    public BlobStorageClient Blobs => new(BlobConnection.Parse(Stack.Blob.ConnectionString!));

    public string TenantFolder(string tenant) => Path.Combine(SegmentsDirectory, "tenant_id=" + tenant);

    /// <summary>The tenant's objects in blob storage, by name.</summary>
    public async Task<List<BlobItem>> ArchiveObjectsAsync(string tenant)
    {
        var items = new List<BlobItem>();
        try
        {
            await foreach (var item in Blobs.ListBlobsAsync("tenant-" + tenant, $"logs/tenant_id={tenant}/")) items.Add(item);
        }
        catch (BlobStorageException e) when (e.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
        }
        return items;
    }

    /// <summary>The blob names and rows the Query service's archive catalog lists for the tenant.</summary>
    public List<(string Blob, long Rows)> Catalog(string tenant)
    {
        var path = Path.Combine(TenantFolder(tenant), "archive.json");
        if (!File.Exists(path)) return [];
        try
        {
            using var json = JsonDocument.Parse(File.ReadAllText(path));
            return [.. json.RootElement.GetProperty("objects").EnumerateArray().Select(o => (o.GetProperty("blob").GetString()!, o.GetProperty("rows").GetInt64()))];
        }
        catch (IOException)
        {
            return []; // replaced while read
        }
    }

    /// <summary>The tenant's audit trail entries of one type (read with the operator key: it works after deletion too).</summary>
    public async Task<List<JsonElement>> AuditAsync(string tenant, string type)
    {
        using var tenancy = Stack.Client("tenancy", PlatformStack.OperatorKey);
        var page = await tenancy.GetFromJsonAsync<JsonElement>($"/api/v1/tenants/{tenant}/audit?limit=500");
        return [.. page.GetProperty("items").EnumerateArray().Where(e => e.GetProperty("type").GetString() == type).Select(e => e.Clone())];
    }

    public long ArchivedRows(string tenant) => Catalog(tenant).Sum(o => o.Rows);

    public static DateTimeOffset StartOfDay(int daysFromToday) => new DateTimeOffset(DateTime.UtcNow.Date, TimeSpan.Zero).AddDays(daysFromToday);

    public static long Nanos(DateTimeOffset time) => (time.UtcTicks - DateTime.UnixEpoch.Ticks) * 100;

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        BlobProxy.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class ArchiveCollection : ICollectionFixture<ArchiveStack>
{
    public const string Name = "archive stack";
}
