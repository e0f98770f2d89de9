using Tenancy;
using ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddTenancy();

var app = builder.Build();
app.MapDefaultEndpoints();
app.Run();
