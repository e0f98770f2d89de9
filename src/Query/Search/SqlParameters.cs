using System.Text.RegularExpressions;
using BuildingBlocks.DuckDb;

namespace Query.Search;

/// <summary>
/// Values of a statement. Each value gets a marker to write into the SQL, as often as needed; preparing numbers the
/// markers a statement actually uses $1, $2, … (DuckDB only counts parameters a statement references) and binds them.
/// </summary>
public sealed partial class SqlParameters
{
    readonly List<object> values = [];

    public string Add(string value) => Next(value);
    public string Add(long value) => Next(value);
    public string Add(double value) => Next(value);

    public DuckStatement Prepare(DuckConnection connection, string sql)
    {
        var used = new List<int>();
        var numbered = Marker().Replace(sql, match =>
        {
            var index = int.Parse(match.Groups[1].ValueSpan);
            var position = used.IndexOf(index);
            if (position < 0)
            {
                used.Add(index);
                position = used.Count - 1;
            }
            return "$" + (position + 1);
        });
        var statement = connection.Prepare(numbered);
        for (var i = 0; i < used.Count; i++)
        {
            _ = values[used[i]] switch
            {
                long number => statement.Bind(i + 1, number),
                double number => statement.Bind(i + 1, number),
                var text => statement.Bind(i + 1, (string)text),
            };
        }
        return statement;
    }

    string Next(object value)
    {
        values.Add(value);
        return "{{p" + (values.Count - 1) + "}}";
    }

    [GeneratedRegex(@"\{\{p(\d+)\}\}")]
    private static partial Regex Marker();
}
