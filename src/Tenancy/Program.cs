using Tenancy;
using Tenancy.AlertRules;
using Tenancy.ApiKeys;
using Tenancy.Audit;
using Tenancy.Configuration;
using Tenancy.Pipelines;
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
app.MapPipelineEndpoints();
app.MapAlertRuleEndpoints();
app.MapAuditEndpoints();
app.MapUsageEndpoints();
app.MapConfigSnapshotEndpoints();
app.Run();
