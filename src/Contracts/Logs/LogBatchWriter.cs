using System.Buffers.Binary;
using System.Text;

namespace Contracts.Logs;

/// <summary>Writes the primitives of the logs.raw format into a buffer sized beforehand by <see cref="LogBatchCodec.EncodedSize(LogBatch)"/>.</summary>
ref struct LogBatchWriter(Span<byte> destination)
{
    readonly Span<byte> _destination = destination;
    int _position;

    public readonly int Position => _position;

    public void Byte(byte value) => _destination[_position++] = value;

    public void Fixed64(long value)
    {
        BinaryPrimitives.WriteInt64LittleEndian(_destination[_position..], value);
        _position += 8;
    }

    public void Guid(Guid value)
    {
        value.TryWriteBytes(_destination[_position..]);
        _position += 16;
    }

    public void VarUInt(ulong value)
    {
        while (value >= 0x80)
        {
            _destination[_position++] = (byte)(value | 0x80);
            value >>= 7;
        }
        _destination[_position++] = (byte)value;
    }

    public void VarInt(long value) => VarUInt((ulong)((value << 1) ^ (value >> 63)));

    public void String(string value)
    {
        var length = Encoding.UTF8.GetByteCount(value);
        VarUInt((ulong)length);
        _position += Encoding.UTF8.GetBytes(value, _destination[_position..]);
    }

    /// <summary>Length + 1, so that 0 can stand for null.</summary>
    public void OptionalString(string? value)
    {
        if (value is null)
        {
            Byte(0);
            return;
        }
        var length = Encoding.UTF8.GetByteCount(value);
        VarUInt((ulong)length + 1);
        _position += Encoding.UTF8.GetBytes(value, _destination[_position..]);
    }

    public static int VarUIntSize(ulong value)
    {
        var size = 1;
        while (value >= 0x80)
        {
            value >>= 7;
            size++;
        }
        return size;
    }

    public static int VarIntSize(long value) => VarUIntSize((ulong)((value << 1) ^ (value >> 63)));

    public static int StringSize(string value)
    {
        var length = Encoding.UTF8.GetByteCount(value);
        return VarUIntSize((ulong)length) + length;
    }

    public static int OptionalStringSize(string? value)
    {
        if (value is null) return 1;
        var length = Encoding.UTF8.GetByteCount(value);
        return VarUIntSize((ulong)length + 1) + length;
    }
}
