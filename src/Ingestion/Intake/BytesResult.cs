namespace Ingestion.Intake;

/// <summary>A protocol's own error body with its status (Results.Bytes always answers 200).</summary>
public sealed class BytesResult(ReadOnlyMemory<byte> content, string contentType, int statusCode) : IResult
{
    public async Task ExecuteAsync(HttpContext http)
    {
        http.Response.StatusCode = statusCode;
        http.Response.ContentType = contentType;
        http.Response.ContentLength = content.Length;
        await http.Response.Body.WriteAsync(content);
    }
}
