using Query;
using ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddQuery();

var app = builder.Build();
app.MapDefaultEndpoints();
app.Run();
