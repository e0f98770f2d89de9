using System.Net;

namespace BuildingBlocks.BlobStorage;

/// <summary>
/// Signs and sends requests, retrying transient failures (5xx, 408, 429, network errors, timeouts) with backoff.
/// The answer is read inside the attempt, so a connection dropped mid-download is retried too.
/// </summary>
internal sealed class BlobRequestSender(BlobConnection connection, HttpClient http)
{
    const int MaxAttempts = 4;
    static readonly TimeSpan FirstBackoff = TimeSpan.FromMilliseconds(200);

    /// <param name="buildRequest">
    /// Called once per attempt: a request message cannot be sent twice. Every operation here is idempotent, so a
    /// retry after a lost answer is safe; a delete retried that way reports "missing" for what it just deleted.
    /// </param>
    /// <param name="readAnswer">Reads a successful answer; failures never reach it.</param>
    public async Task<T> SendAsync<T>(Func<HttpRequestMessage> buildRequest,
        Func<HttpResponseMessage, CancellationToken, Task<T>> readAnswer, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var request = buildRequest();
                SharedKeySigner.Sign(request, connection, DateTimeOffset.UtcNow);
                using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);

                if (response.IsSuccessStatusCode)
                    return await readAnswer(response, ct);
                if (!IsTransient(response.StatusCode) || attempt == MaxAttempts)
                    throw await BlobStorageException.FromResponseAsync(response, ct);
            }
            catch (Exception e) when (e is HttpRequestException or IOException && attempt < MaxAttempts)
            {
                // Refused or dropped connection: worth another attempt after the backoff below.
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested && attempt < MaxAttempts)
            {
                // HttpClient's own timeout, not the caller cancelling.
            }
            await Task.Delay(Backoff(attempt), ct);
        }
    }

    public Task SendAsync(Func<HttpRequestMessage> buildRequest, CancellationToken ct) =>
        SendAsync(buildRequest, static (_, _) => Task.FromResult(true), ct);

    static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)status >= 500;

    static TimeSpan Backoff(int attempt) =>
        FirstBackoff * Math.Pow(2, attempt - 1) * (0.8 + Random.Shared.NextDouble() * 0.4);
}
