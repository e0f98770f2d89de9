using FluentValidation;

namespace Tenancy.Storage;

public static class Validation
{
    /// <summary>Null when the body is valid, else a 400 ValidationProblem naming every bad field.</summary>
    public static IResult? Problem<T>(this IValidator<T> validator, T? body)
    {
        if (body is null)
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["body"] = ["A JSON body is required."] });
        var result = validator.Validate(body);
        return result.IsValid
            ? null
            : Results.ValidationProblem(result.Errors.GroupBy(e => Camel(e.PropertyName))
                .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).ToArray()));
    }

    static string Camel(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];
}
