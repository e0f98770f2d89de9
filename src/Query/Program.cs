using Query;
using Query.Lifecycle;
using Query.Search;
using Query.Tail;
using ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddQuery();

var app = builder.Build();
app.MapDefaultEndpoints();
app.UseWebSockets();
app.MapSearchEndpoints();
app.MapTailEndpoints();
app.MapDeletionEndpoints();
app.Run();
