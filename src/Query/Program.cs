using Query;
using Query.Search;
using ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddQuery();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapSearchEndpoints();
app.Run();
