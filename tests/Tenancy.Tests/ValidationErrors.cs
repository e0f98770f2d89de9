using FluentValidation;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Tenancy.Storage;

namespace Tenancy.Tests;

/// <summary>The errors of the 400 a request would get, keyed by field exactly as the API names them.</summary>
static class ValidationErrors
{
    public static IDictionary<string, string[]> Of<T>(IValidator<T> validator, T body) => validator.Problem(body) switch
    {
        null => new Dictionary<string, string[]>(),
        ProblemHttpResult { ProblemDetails: HttpValidationProblemDetails problem } => problem.Errors,
        var other => throw new InvalidOperationException($"Expected a validation problem, got {other}"),
    };
}
