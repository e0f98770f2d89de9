using System.Buffers;

namespace Ingestion.Protocols;

/// <summary>A request body held in a pooled array; dispose it once the parsed records no longer need the bytes.</summary>
public sealed class RequestBodyBuffer : IDisposable
{
    byte[]? _buffer;

    internal RequestBodyBuffer(byte[] buffer, int length)
    {
        _buffer = buffer;
        Length = length;
    }

    public int Length { get; }

    public ReadOnlyMemory<byte> Memory => new(Buffer, 0, Length);

    public ReadOnlySpan<byte> Span => new(Buffer, 0, Length);

    byte[] Buffer => _buffer ?? throw new ObjectDisposedException(nameof(RequestBodyBuffer));

    public void Dispose()
    {
        var buffer = Interlocked.Exchange(ref _buffer, null);
        if (buffer is not null) ArrayPool<byte>.Shared.Return(buffer);
    }
}
