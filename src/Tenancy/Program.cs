using Tenancy;
using Tenancy.ApiKeys;
using Tenancy.Audit;
using Tenancy.Configuration;
using Tenancy.Tenants;
using Tenancy.Usage;
using ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddTenancy();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapTenantEndpoints();
app.MapApiKeyEndpoints();
app.MapAuditEndpoints();
app.MapUsageEndpoints();
app.MapConfigSnapshotEndpoints();
app.Run();
