using System.Text;
using BuildingBlocks.DevHosting.Resources;

namespace BuildingBlocks.DevHosting.AppModel;

static class ResourceTable
{
    public static string Render(IEnumerable<Resource> resources, string statusUrl)
    {
        var rows = resources.Select(r => new[]
        {
            r.Name, r.State.ToString(), r.Process?.Pid.ToString() ?? "-", r.Port == 0 ? "-" : r.Port.ToString(),
            r.Url ?? (r is ProjectResource ? "" : r.ConnectionStringForDisplay()),
        }).Prepend(["resource", "state", "pid", "port", "address"]).ToList();
        var widths = Enumerable.Range(0, 5).Select(i => rows.Max(row => row[i].Length)).ToArray();
        var text = new StringBuilder();
        foreach (var row in rows)
            text.AppendLine(string.Join("  ", row.Select((cell, i) => cell.PadRight(widths[i]))).TrimEnd());
        text.Append($"status page: {statusUrl}");
        return text.ToString();
    }

    /// <summary>Connection strings without account keys or passwords.</summary>
    public static string ConnectionStringForDisplay(this Resource resource) =>
        string.Join(';', resource.ConnectionString.Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Where(part => !part.StartsWith("AccountKey=", StringComparison.OrdinalIgnoreCase)
                        && !part.StartsWith("Password=", StringComparison.OrdinalIgnoreCase)));
}
