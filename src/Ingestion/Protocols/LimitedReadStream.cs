namespace Ingestion.Protocols;

/// <summary>A read-only view of the request stream that fails once more than the wire limit has come through, and
/// can peek at the first bytes (to sniff a zlib header) without losing them.</summary>
sealed class LimitedReadStream(Stream inner, long limit) : Stream
{
    long _read;
    byte[] _peeked = [];
    int _peekedOffset;

    public async ValueTask<byte[]> PeekAsync(int count, CancellationToken ct)
    {
        var buffer = new byte[count];
        var filled = 0;
        while (filled < count)
        {
            var read = await ReadFromInnerAsync(buffer.AsMemory(filled), ct);
            if (read == 0) break;
            filled += read;
        }
        _peeked = buffer[..filled];
        _peekedOffset = 0;
        return _peeked;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_peekedOffset < _peeked.Length)
        {
            var count = Math.Min(buffer.Length, _peeked.Length - _peekedOffset);
            _peeked.AsMemory(_peekedOffset, count).CopyTo(buffer);
            _peekedOffset += count;
            return count;
        }
        return await ReadFromInnerAsync(buffer, cancellationToken);
    }

    async ValueTask<int> ReadFromInnerAsync(Memory<byte> buffer, CancellationToken ct)
    {
        var read = await inner.ReadAsync(buffer[..Allowed(buffer.Length)], ct);
        _read += read;
        if (_read > limit) throw new BodyTooLargeException(BodyLimit.Compressed, limit);
        return read;
    }

    /// <summary>How much of a read of <paramref name="wanted"/> bytes to ask the inner stream for: one byte more than
    /// the limit leaves, so that a body of exactly the limit succeeds and a larger one is noticed.</summary>
    int Allowed(int wanted)
    {
        var remaining = limit - _read; // never negative: passing the limit throws
        return remaining >= wanted ? wanted : (int)remaining + 1;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (_peekedOffset < _peeked.Length)
        {
            var count = Math.Min(buffer.Length, _peeked.Length - _peekedOffset);
            _peeked.AsSpan(_peekedOffset, count).CopyTo(buffer);
            _peekedOffset += count;
            return count;
        }
        var read = inner.Read(buffer[..Allowed(buffer.Length)]);
        _read += read;
        if (_read > limit) throw new BodyTooLargeException(BodyLimit.Compressed, limit);
        return read;
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => _read; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
