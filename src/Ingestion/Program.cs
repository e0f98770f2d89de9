using Ingestion;
using Ingestion.Protocols.Clef;
using Ingestion.Protocols.Elasticsearch;
using Ingestion.Protocols.Loki;
using Ingestion.Protocols.Native;
using Ingestion.Protocols.Otlp;
using ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddIngestion();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapNativeEndpoints();
app.MapElasticsearchEndpoints();
app.MapLokiEndpoints();
app.MapOtlpEndpoints();
app.MapClefEndpoints();
app.Run();
