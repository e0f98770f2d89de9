namespace Query.Language;

/// <summary>
/// What a query asks for once its stages are checked: lines (optionally with <c>fields</c>, <c>sort</c>, <c>limit</c>)
/// or one aggregation (count, histogram, top, stats) optionally followed by <c>sort</c> on its output and <c>limit</c>.
/// </summary>
public sealed record QueryPlan(Expr Filter, Stage? Aggregation, IReadOnlyList<FieldRef>? Fields, SortStage? Sort, int? Limit)
{
    /// <summary>Lines newest first, so cursors and reading the newest segments first apply.</summary>
    public bool NewestFirst => Aggregation is null && (Sort is null || (Sort.Descending && IsTimestamp(Sort.Field)));

    public static QueryPlan From(QueryAst ast)
    {
        Stage? aggregation = null;
        IReadOnlyList<FieldRef>? fields = null;
        SortStage? sort = null;
        int? limit = null;
        foreach (var stage in ast.Stages)
        {
            switch (stage)
            {
                case CountStage or HistogramStage or TopStage or StatsStage when aggregation is null && fields is null && sort is null && limit is null:
                    aggregation = stage;
                    break;
                case CountStage or HistogramStage or TopStage or StatsStage:
                    throw Refuse(stage, "an aggregation must come first and only once (e.g. '| count by service | sort count | limit 10')");
                case FieldsStage f when aggregation is null && fields is null:
                    fields = f.Fields;
                    break;
                case FieldsStage:
                    throw Refuse(stage, "'fields' picks the fields of lines: use it once, and not after an aggregation");
                case SortStage s when sort is null:
                    sort = s;
                    break;
                case LimitStage l when limit is null:
                    limit = l.Count;
                    break;
                default:
                    throw Refuse(stage, $"'{StageName(stage)}' may appear only once");
            }
        }
        if (aggregation is HistogramStage && sort is not null)
            throw Refuse(sort, "a histogram is always in time order: it cannot be sorted");
        return new QueryPlan(ast.Filter, aggregation, fields, sort, limit);
    }

    public static bool IsTimestamp(FieldRef field) => field.Name.Equals("timestamp", StringComparison.OrdinalIgnoreCase) || field.Name == "@t";

    static QuerySyntaxException Refuse(Stage stage, string problem) =>
        new($"{problem} (at column {stage.Position + 1})", stage.Position);

    static string StageName(Stage stage) => stage.GetType().Name.Replace("Stage", "").ToLowerInvariant();
}
