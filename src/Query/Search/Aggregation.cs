using BuildingBlocks.DuckDb;
using Query.Language;

namespace Query.Search;

/// <summary>
/// count, count by, top, stats and histogram over every remaining source in one statement. Results are a table:
/// typed columns and rows. Histogram buckets are aligned to the interval and every bucket of the range is present,
/// with zero counts where nothing happened.
/// </summary>
public static class Aggregation
{
    public const int DefaultRows = 1000;
    public const int MaxBuckets = 10_000;

    public static SearchResponse Run(DuckConnection connection, QueryContext query)
    {
        var plan = query.Request.Plan;
        var (fields, select, groups, names) = Shape(plan.Aggregation!, query);
        var columns = SourceSql.Fields(fields.Select(f => FieldAccess.Of(f, query.Parameters))).Prepend(("ts", "epoch_ns(timestamp) AS ts")).ToList();
        var order = Order(plan, names, groups);
        var limit = plan.Aggregation switch
        {
            TopStage top => $"LIMIT {top.Count}",
            HistogramStage => "", // bounded by MaxBuckets and the groups seen; zero-filled afterwards
            _ => $"LIMIT {plan.Limit ?? DefaultRows}",
        };
        var where = plan.Aggregation is TopStage ? "WHERE f0 IS NOT NULL" : "";
        var sql = $"SELECT {select} FROM ({query.AllSources(columns)}) {where} {(groups > 0 ? "GROUP BY ALL" : "")} {order} {limit}";
        var table = IndexAnswers.Add(Table.Read(connection, sql, query.Parameters, names), query.AnsweredByIndex, plan);
        if (plan.Aggregation is HistogramStage histogram)
            return Histogram.Fill(table, histogram, query);
        return new SearchResponse(null, table.Columns, table.Rows, table.Rows.Count, 0, null, query.ScannedAll());
    }

    /// <summary>The fields to project, the select list over them (f0, f1, …), how many leading columns are groups, and
    /// the output column names as the user wrote them.</summary>
    static (List<FieldRef> Fields, string Select, int Groups, List<string> Names) Shape(Stage stage, QueryContext query)
    {
        switch (stage)
        {
            case CountStage count:
                return ([.. count.By], string.Join("", count.By.Select((_, i) => $"CAST(f{i} AS VARCHAR) AS c{i}, ")) + "count(*) AS n",
                    count.By.Count, [.. count.By.Select(f => f.Name), "count"]);
            case TopStage top:
                return ([top.Field], "CAST(f0 AS VARCHAR) AS c0, count(*) AS n", 1, [top.Field.Name, "count"]);
            case StatsStage stats:
                var by = stats.By.Count;
                var measured = $"TRY_CAST(f{by} AS DOUBLE)";
                var function = stats.Function switch
                {
                    StatsFunction.Avg => $"avg({measured})", StatsFunction.Min => $"min({measured})", StatsFunction.Max => $"max({measured})",
                    StatsFunction.Sum => $"sum({measured})", StatsFunction.P50 => $"quantile_cont({measured}, 0.5)",
                    StatsFunction.P95 => $"quantile_cont({measured}, 0.95)", _ => $"quantile_cont({measured}, 0.99)",
                };
                return ([.. stats.By, stats.Field], string.Join("", stats.By.Select((_, i) => $"CAST(f{i} AS VARCHAR) AS c{i}, ")) + $"CAST({function} AS DOUBLE) AS n",
                    by, [.. stats.By.Select(f => f.Name), $"{stats.Function.ToString().ToLowerInvariant()}({stats.Field.Name})"]);
            case HistogramStage histogram:
                var interval = Histogram.IntervalNanos(histogram);
                var byField = histogram.By is { } b ? new List<FieldRef> { b } : [];
                return (byField, $"(ts // {interval}) * {interval} AS bucket, " + (byField.Count > 0 ? "CAST(f0 AS VARCHAR) AS c0, " : "") + "count(*) AS n",
                    1 + byField.Count, ["time", .. byField.Select(f => f.Name), "count"]);
            default:
                throw new QuerySyntaxException($"'{stage.GetType().Name}' is not an aggregation", stage.Position);
        }
    }

    static string Order(QueryPlan plan, List<string> names, int groups)
    {
        if (plan.Aggregation is HistogramStage) return "";
        if (plan.Sort is not { } sort) return groups == 0 ? "" : "ORDER BY n DESC" + string.Join("", Enumerable.Range(0, groups).Select(i => $", c{i}"));
        var index = names.FindIndex(n => n.Equals(sort.Field.Name, StringComparison.OrdinalIgnoreCase)
            || (n.Contains('(') && n.StartsWith(sort.Field.Name + "(", StringComparison.OrdinalIgnoreCase)));
        if (index < 0)
            throw new QuerySyntaxException($"'sort {sort.Field.Name}' at column {sort.Position + 1}: sort by one of {string.Join(", ", names)}", sort.Position);
        var column = index == names.Count - 1 ? "n" : $"c{index}";
        return $"ORDER BY {column} {(sort.Descending ? "DESC" : "ASC")} NULLS LAST";
    }
}
