using static Query.Language.QueryTokenKind;

namespace Query.Language;

/// <summary>
/// Reads the query language (docs/query-language.md) into a <see cref="QueryAst"/>: a filter of terms combined with
/// NOT, AND (or juxtaposition) and OR, then pipe stages. Recursive descent over the lexer's tokens; anything it cannot
/// read is a <see cref="QuerySyntaxException"/> naming what was expected and where, never a silent guess. One token of
/// lookahead decides everything except whether a word is a field, which is the word followed by an operator.
/// </summary>
public static class QueryParser
{
    const int MaxCount = 100_000;
    // Parentheses and NOT recurse; a bound keeps a hostile query from exhausting the stack.
    const int MaxDepth = 100;
    static readonly string[] StageNames = ["count", "histogram", "top", "fields", "sort", "limit", "stats"];

    public static QueryAst Parse(string? text) => new Parser(QueryLexer.Tokenize(text ?? "")).Query();

    sealed class Parser(List<QueryToken> tokens)
    {
        int index, depth;

        QueryToken Peek => tokens[index];
        QueryToken Previous => tokens[index - 1];
        QueryToken Next() => tokens[index == tokens.Count - 1 ? index : index++];

        public QueryAst Query()
        {
            var filter = Peek.Kind is Pipe or End ? new MatchAll() : Or();
            if (Peek.Kind is not (Pipe or End)) throw Stray(Peek);
            var stages = new List<Stage>();
            while (Peek.Kind == Pipe)
            {
                Next();
                stages.Add(Stage());
            }
            return new QueryAst(filter, stages);
        }

        Expr Or()
        {
            var start = Peek.Position;
            var left = And();
            while (Peek.Kind == OrKeyword)
            {
                RequireTermAfter(Next());
                left = new Or(left, And(), start);
            }
            return left;
        }

        Expr And()
        {
            var start = Peek.Position;
            var left = Unary();
            while (true)
            {
                if (Peek.Kind == AndKeyword) RequireTermAfter(Next());
                else if (Peek.Kind is not (Word or Quoted or LeftParen or NotKeyword or ExistsKeyword)) return left;
                left = new And(left, Unary(), start);
            }
        }

        Expr Unary()
        {
            if (Peek.Kind != NotKeyword) return Primary();
            var not = Next();
            RequireTermAfter(not);
            Enter(not);
            var inner = Unary();
            depth--;
            return new Not(inner, not.Position);
        }

        Expr Primary()
        {
            var token = Peek;
            switch (token.Kind)
            {
                case LeftParen:
                    Next();
                    RequireTermAfter(token);
                    Enter(token);
                    var inner = Or();
                    depth--;
                    if (Peek.Kind != RightParen) throw Expected("')'", Peek, $"the '(' at column {token.Position + 1} is still open");
                    Next();
                    return inner;
                case ExistsKeyword:
                    Next();
                    return new Exists(Field(token), token.Position);
                case Quoted when FollowsField(tokens[index + 1]):
                    throw Error($"expected a field before {tokens[index + 1].Describe()}", token.Position, "field names are not quoted");
                case Quoted when token.Text.Length == 0:
                    throw Error("unexpected \"\"", token.Position, "an empty phrase would match every line");
                case Word when FollowsField(tokens[index + 1]):
                    return Condition();
                case Word when token.NearKeyword is { } keyword:
                    throw Error($"unexpected token '{token.Text}'", token.Position, $"did you mean {keyword}?");
                case Word or Quoted:
                    Next();
                    return new TextMatch(token.Text, token.Position);
                default:
                    throw Stray(token);
            }
        }

        Expr Condition()
        {
            var field = Next().AsField();
            var op = Next();
            return op.Kind switch
            {
                ContainsKeyword => new Contains(field, Value(op), field.Position),
                InKeyword => new In(field, ValueList(), field.Position),
                Matches or NotMatches => new RegexMatch(field, Pattern(op), op.Kind == NotMatches, field.Position),
                _ => new Compare(field, Comparison(op.Kind), Value(op), field.Position),
            };
        }

        static CompareOp Comparison(QueryTokenKind kind) => kind switch
        {
            Equal => CompareOp.Equal, NotEqual => CompareOp.NotEqual, Greater => CompareOp.Greater,
            GreaterOrEqual => CompareOp.GreaterOrEqual, Less => CompareOp.Less, _ => CompareOp.LessOrEqual,
        };

        Literal Value(QueryToken after)
        {
            var token = Peek;
            if (token.Kind is not (Word or Quoted))
                throw Expected($"a value after {after.Describe()}", token,
                    token.IsKeyword ? $"write \"{token.Text}\" to use the word as a value" : null);
            Next();
            return new Literal(token.Text, token.Kind == Quoted, token.Position);
        }

        Literal Pattern(QueryToken after)
        {
            var token = Peek;
            if (token.Kind != Quoted) throw Expected($"a quoted regex after {after.Describe()}", token, "a regex is always quoted, as in =~ \"time(d)?out\"");
            Next();
            return new Literal(token.Text, true, token.Position);
        }

        List<Literal> ValueList()
        {
            var open = Next();
            if (open.Kind != LeftParen) throw Expected("'(' after 'IN'", open, "as in host IN (web-1, web-2)");
            var values = new List<Literal> { Value(open) };
            while (Peek.Kind == Comma) values.Add(Value(Next()));
            if (Peek.Kind != RightParen) throw Expected("',' or ')'", Peek, $"the '(' at column {open.Position + 1} is still open");
            Next();
            return values;
        }

        Stage Stage()
        {
            var name = Peek;
            if (name.Kind != Word) throw Error($"'|' must be followed by a stage ({string.Join(", ", StageNames)})", name.Position);
            Next();
            Stage stage = name.Text.ToLowerInvariant() switch
            {
                "count" => new CountStage(By(), name.Position),
                "histogram" => Histogram(name),
                "top" => new TopStage(Count(name), Field(after: Previous), name.Position),
                "fields" => new FieldsStage(Fields(name), name.Position),
                "sort" => Sort(name),
                "limit" => new LimitStage(Count(name), name.Position),
                "stats" => Stats(name),
                _ => throw UnknownStage(name),
            };
            if (Peek.Kind is Pipe or End) return stage;
            var expected = stage switch
            {
                CountStage { By.Count: 0 } or HistogramStage { By: null } or StatsStage { By.Count: 0 } => "'by', '|'",
                CountStage or FieldsStage or StatsStage => "',', '|'",
                _ => "'|'",
            };
            throw Error($"unexpected {Named(Peek)}", Peek.Position, $"expected {expected} or the end of the query after {name.Text}");
        }

        SortStage Sort(QueryToken name)
        {
            var field = Field(name);
            var ascending = IsWord(Peek, "asc");
            if (ascending || IsWord(Peek, "desc")) Next();
            return new SortStage(field, !ascending, name.Position);
        }

        HistogramStage Histogram(QueryToken name)
        {
            var token = Peek;
            if (token.AsInterval() is not { } interval)
                throw Error("histogram needs an interval like 1m", token.Position,
                    token.Kind == End ? null : $"{token.Describe()} is not one: a whole number above 0 then ms, s, m, h or d");
            Next();
            FieldRef? by = null;
            if (IsWord(Peek, "by")) by = Field(Next());
            if (Peek.Kind == Comma) throw Error("histogram groups by one field", Peek.Position, "use count by a, b for several");
            return new HistogramStage(interval, by, name.Position);
        }

        StatsStage Stats(QueryToken name)
        {
            var function = Peek;
            if (function.Kind != Word) throw Error("stats needs a function like p95(duration_ms)", function.Position);
            var parsed = function.Text.ToLowerInvariant() switch
            {
                "avg" => StatsFunction.Avg,
                "min" => StatsFunction.Min,
                "max" => StatsFunction.Max,
                "sum" => StatsFunction.Sum,
                "p50" => StatsFunction.P50,
                "p95" => StatsFunction.P95,
                "p99" => StatsFunction.P99,
                _ => throw Error($"unknown function '{function.Text}'", function.Position, "stats takes avg, min, max, sum, p50, p95 or p99"),
            };
            Next();
            var open = Next();
            if (open.Kind != LeftParen) throw Expected($"'(' after '{function.Text}'", open, "as in p95(duration_ms)");
            var field = Field(open);
            if (Peek.Kind != RightParen) throw Expected("')'", Peek, $"the '(' at column {open.Position + 1} is still open");
            Next();
            return new StatsStage(parsed, field, By(), name.Position);
        }

        List<FieldRef> By() => IsWord(Peek, "by") ? Fields(Next()) : [];

        List<FieldRef> Fields(QueryToken after)
        {
            var fields = new List<FieldRef> { Field(after) };
            while (Peek.Kind == Comma) fields.Add(Field(Next()));
            return fields;
        }

        FieldRef Field(QueryToken after)
        {
            if (Peek.Kind != Word) throw Expected($"a field after {after.Describe()}", Peek);
            return Next().AsField();
        }

        int Count(QueryToken stage)
        {
            var token = Peek;
            if (token.AsCount(MaxCount) is not { } count)
                throw Error($"{stage.Text} needs a whole number from 1 to {MaxCount}", token.Position, token.Kind == End ? null : $"not {token.Describe()}");
            Next();
            return count;
        }

        void RequireTermAfter(QueryToken after)
        {
            if (Peek.Kind is End or Pipe or RightParen or Comma or AndKeyword or OrKeyword)
                throw Expected($"a search term after {after.Describe()}", Peek);
        }

        void Enter(QueryToken token)
        {
            if (++depth > MaxDepth) throw Error("the query nests too deeply", token.Position, $"use at most {MaxDepth} levels of parentheses and NOT");
        }
    }

    static bool FollowsField(QueryToken token) => token.IsOperator || token.Kind is ContainsKeyword or InKeyword;

    static bool IsWord(QueryToken token, string word) => token.Kind == Word && token.Text.Equals(word, StringComparison.OrdinalIgnoreCase);

    static QuerySyntaxException UnknownStage(QueryToken name)
    {
        var lower = name.Text.ToLowerInvariant();
        var suggestion = StageNames.MinBy(stage => QueryLexer.Distance(lower, stage, 2));
        return QueryLexer.Distance(lower, suggestion!, 2) <= 2
            ? Error($"unknown stage '{name.Text}'", name.Position, $"did you mean {suggestion}?")
            : Error($"unknown stage '{name.Text}'", name.Position, $"a stage is one of {string.Join(", ", StageNames)}");
    }

    /// <summary>A token that cannot start a search term, standing where one should.</summary>
    static QuerySyntaxException Stray(QueryToken token) => token.Kind switch
    {
        RightParen => Error("unexpected ')'", token.Position, "no '(' is open"),
        _ when token.IsOperator => Error($"expected a field before {token.Describe()}", token.Position),
        InKeyword => Error("unexpected token 'IN'", token.Position, "IN follows a field, as in host IN (web-1, web-2)"),
        ContainsKeyword => Error("unexpected token 'CONTAINS'", token.Position, "CONTAINS follows a field, as in message CONTAINS \"timeout\""),
        End or Pipe => Error("expected a search term", token.Position),
        _ => Error($"unexpected {Named(token)}", token.Position, token.IsKeyword ? "expected a search term before it" : null),
    };

    static string Named(QueryToken token) => token.Kind is Word || token.IsKeyword ? $"token {token.Describe()}" : token.Describe();

    static QuerySyntaxException Expected(string what, QueryToken found, string? hint = null) =>
        Error($"expected {what}", found.Position, hint ?? (found.Kind == End ? null : $"found {found.Describe()}"));

    internal static QuerySyntaxException Error(string what, int position, string? hint = null) =>
        new(hint is null ? $"{what} at column {position + 1}" : $"{what} at column {position + 1}; {hint}", position);
}
