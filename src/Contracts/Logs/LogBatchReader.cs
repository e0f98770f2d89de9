using System.Buffers.Binary;
using System.Text;

namespace Contracts.Logs;

/// <summary>Reads the primitives of the logs.raw format; every read is bounds-checked so a corrupt value throws
/// <see cref="LogBatchFormatException"/> rather than reading garbage.</summary>
ref struct LogBatchReader(ReadOnlySpan<byte> source)
{
    readonly ReadOnlySpan<byte> _source = source;
    int _position;

    public readonly bool AtEnd => _position == _source.Length;

    public byte Byte()
    {
        if (_position >= _source.Length) throw Truncated();
        return _source[_position++];
    }

    public long Fixed64()
    {
        var value = BinaryPrimitives.ReadInt64LittleEndian(Take(8));
        return value;
    }

    public Guid Guid() => new(Take(16));

    public ulong VarUInt()
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            var b = Byte();
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80) return value;
        }
        throw new LogBatchFormatException("a varint is longer than 10 bytes");
    }

    public long VarInt()
    {
        var raw = VarUInt();
        return (long)(raw >> 1) ^ -(long)(raw & 1);
    }

    public int Count(string what)
    {
        var value = VarUInt();
        // Every counted item takes at least one byte, so a count larger than what is left is corruption, not a huge batch.
        if (value > (ulong)(_source.Length - _position)) throw new LogBatchFormatException($"{what} count {value} exceeds the remaining bytes");
        return (int)value;
    }

    public string String() => Encoding.UTF8.GetString(Take(Length(VarUInt())));

    public string? OptionalString()
    {
        var raw = VarUInt();
        return raw == 0 ? null : Encoding.UTF8.GetString(Take(Length(raw - 1)));
    }

    int Length(ulong value) =>
        value <= (ulong)(_source.Length - _position) ? (int)value : throw Truncated();

    ReadOnlySpan<byte> Take(int length)
    {
        if (length > _source.Length - _position) throw Truncated();
        var slice = _source.Slice(_position, length);
        _position += length;
        return slice;
    }

    static LogBatchFormatException Truncated() => new("the batch ends in the middle of a value");
}
