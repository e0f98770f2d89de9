using System.Diagnostics;
using BuildingBlocks.TenantConfig;
using Confluent.Kafka;
using Contracts.Logs;
using Ingestion.Access;
using Ingestion.Limits;
using Ingestion.Metering;
using Ingestion.Protocols;
using Ingestion.Publishing;

namespace Ingestion.Intake;

public delegate T BodyParser<out T>(ReadOnlySpan<byte> body, IngestContext context);

/// <summary>
/// What every protocol does with a request: authenticate, read the body within limits, parse, admit by the tenant's
/// rate limits and quota, publish to Kafka and wait for the acknowledgement, count usage. The protocol's endpoint turns
/// the outcome into its own response shape.
/// </summary>
public sealed class Intake(TenantConfigCache cache, IRateLimiter limiter, LogPublisher publisher, UsageMeter usage, TimeProvider clock,
    IConfiguration configuration)
{
    readonly long maxCompressed = configuration.GetValue("Ingestion:MaxBodyBytes", 10L << 20);
    readonly long maxDecompressed = configuration.GetValue("Ingestion:MaxDecompressedBytes", 100L << 20);
    static readonly TimeSpan BrokerRetryAfter = TimeSpan.FromSeconds(5);

    /// <param name="records">Which records of the parsed body may be published.</param>
    /// <param name="partial">Whether the protocol can report per-record outcomes, so the rate limiter may admit part of a request.</param>
    public async Task<IntakeOutcome<T>> AcceptAsync<T>(HttpContext http, BodyParser<T> parse, Func<T, ParseResult> records, bool partial)
    {
        if (IngestAuthentication.Authenticate(http, cache, out var refusal) is not { } tenant) return IntakeOutcome<T>.Refused(refusal!);

        T parsed;
        long wireBytes;
        try
        {
            using var body = await RequestBody.ReadAsync(http.Request.Body, http.Request.Headers.ContentEncoding, maxCompressed, maxDecompressed,
                http.RequestAborted);
            wireBytes = http.Request.ContentLength ?? body.Length;
            parsed = parse(body.Span, IngestContext.At(tenant.TenantId, clock.GetUtcNow()));
        }
        catch (BodyTooLargeException e)
        {
            return IntakeOutcome<T>.Failed(tenant, StatusCodes.Status413PayloadTooLarge, e.Message);
        }
        catch (UnsupportedContentEncodingException e)
        {
            return IntakeOutcome<T>.Failed(tenant, StatusCodes.Status415UnsupportedMediaType, e.Message);
        }
        catch (CorruptBodyException e)
        {
            return IntakeOutcome<T>.Failed(tenant, StatusCodes.Status400BadRequest, e.Message);
        }

        var result = records(parsed);
        if (result.IsMalformed)
        {
            usage.Record(tenant.TenantId, 0, 0, rejected: 1, 0);
            return IntakeOutcome<T>.Failed(tenant, StatusCodes.Status400BadRequest, result.Error!, parsed);
        }

        var quotas = tenant.Config.Quotas;
        var admission = result.Accepted.Count == 0
            ? new Admission(0, quotas.LinesPerSecond, TimeSpan.Zero, null)
            : await limiter.AdmitAsync(tenant.TenantId, new IngestLimits(quotas.LinesPerSecond, quotas.IngestBytesPerSecond, quotas.EventsPerDay),
                result.Accepted.Count, wireBytes, partial);
        SetRateLimitHeaders(http.Response, quotas.LinesPerSecond, admission);

        var admitted = admission.All(result.Accepted.Count) ? result.Accepted : result.Accepted.Take(admission.Lines).ToArray();
        try
        {
            await publisher.PublishAsync(tenant.TenantId, admitted, Activity.Current?.TraceId.ToString() ?? http.TraceIdentifier);
        }
        catch (KafkaException e)
        {
            http.Response.Headers.RetryAfter = ((int)BrokerRetryAfter.TotalSeconds).ToString();
            return IntakeOutcome<T>.Failed(tenant, StatusCodes.Status503ServiceUnavailable,
                $"The log broker did not acknowledge the batch ({e.Error.Reason}); nothing from this request was accepted. Retry later.", parsed);
        }

        var limited = result.Accepted.Count - admitted.Count;
        usage.Record(tenant.TenantId, admitted.Count, admitted.Count == 0 ? 0 : wireBytes, result.Rejected.Count, limited);
        if (limited > 0) http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(admission.RetryAfter.TotalSeconds)).ToString();
        return new IntakeOutcome<T>(tenant, parsed, result, admitted, limited, admission.Reason, null);
    }

    static void SetRateLimitHeaders(HttpResponse response, long limit, Admission admission)
    {
        response.Headers["X-RateLimit-Limit"] = limit.ToString();
        response.Headers["X-RateLimit-Remaining"] = Math.Max(0, admission.Remaining).ToString();
        response.Headers["X-RateLimit-Reset"] = Math.Max(1, (int)Math.Ceiling(admission.RetryAfter.TotalSeconds)).ToString();
    }
}
