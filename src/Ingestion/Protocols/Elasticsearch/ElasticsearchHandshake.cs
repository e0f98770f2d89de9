namespace Ingestion.Protocols.Elasticsearch;

/// <summary>
/// What shippers ask an Elasticsearch cluster before they send: who it is (8.x), its license, and whether their
/// templates, policies and pipelines exist. Answered as a cluster where everything is in place, so they go on to
/// _bulk; nothing here stores anything.
/// </summary>
static class ElasticsearchHandshake
{
    const string Version = "8.15.0";

    public static void Map(RouteGroupBuilder es)
    {
        es.MapGet("/", Root);
        es.MapMethods("/", [HttpMethods.Head], () => Results.Ok());
        es.MapGet("/_license", () => Results.Json(new { license = new { status = "active", type = "basic", uid = "platform" } }));
        es.MapGet("/_xpack", () => Results.Json(new { build = new { }, license = new { status = "active", type = "basic" }, features = new { } }));
        es.MapGet("/_cluster/health", () => Results.Json(new { cluster_name = "platform", status = "green", number_of_nodes = 1 }));
        // rsyslog's omelasticsearch probes this before resuming after a connection failure.
        es.MapMethods("/_cat/health", [HttpMethods.Get, HttpMethods.Head], () => Results.Text("1 platform green 1 1\n"));
        es.MapGet("/_nodes", Nodes);
        es.MapGet("/_nodes/{**rest}", Nodes);
        foreach (var resource in new[] { "/_ilm/policy/{name}", "/_index_template/{name}", "/_ingest/pipeline/{name}", "/_template/{name}", "/_component_template/{name}" })
        {
            es.MapMethods(resource, [HttpMethods.Get, HttpMethods.Head], (string name) => Results.Json(new Dictionary<string, object> { [name] = new { } }));
            es.MapPut(resource, () => Results.Json(new { acknowledged = true }));
        }
    }

    static IResult Root() => Results.Json(new
    {
        name = "platform-ingestion",
        cluster_name = "platform",
        cluster_uuid = "platform",
        version = new
        {
            number = Version,
            build_flavor = "default",
            build_type = "docker",
            lucene_version = "9.11.1",
            minimum_wire_compatibility_version = "7.17.0",
            minimum_index_compatibility_version = "7.0.0",
        },
        tagline = "You Know, for Search",
    });

    static IResult Nodes() => Results.Json(new
    {
        _nodes = new { total = 1, successful = 1, failed = 0 },
        cluster_name = "platform",
        nodes = new Dictionary<string, object> { ["platform"] = new { name = "platform-ingestion", version = Version, http = new { publish_address = "127.0.0.1:9200" } } },
    });
}
