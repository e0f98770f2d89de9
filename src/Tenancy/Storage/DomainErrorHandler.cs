using BuildingBlocks.EventStore;
using Microsoft.AspNetCore.Diagnostics;

namespace Tenancy.Storage;

/// <summary>The one place refused commands and write conflicts become ProblemDetails.</summary>
sealed class DomainErrorHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        (int Status, string Title)? mapped = exception switch
        {
            ConcurrencyException { FromIfMatch: true } => (StatusCodes.Status412PreconditionFailed, "The resource changed since you read it"),
            ConcurrencyException => (StatusCodes.Status409Conflict, "The resource was changed concurrently"),
            RuleViolation => (StatusCodes.Status409Conflict, "The request conflicts with the resource's state"),
            _ => null,
        };
        if (mapped is not { } problem) return false;
        context.Response.StatusCode = problem.Status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = problem.Status, Title = problem.Title, Detail = exception.Message },
        });
    }
}
