using System.Buffers;

namespace Processing.Pipelines;

/// <summary>
/// A string with some ranges replaced, built left to right. Nothing is allocated until the first replacement, and a
/// text without one comes back as the very same string.
/// </summary>
ref struct RedactedText(string source)
{
    readonly string _source = source;
    char[]? _buffer;
    int _length;
    int _copied;

    /// <summary>Replaces source[start..end]; ranges must come in order and not overlap.</summary>
    public void Replace(int start, int end, ReadOnlySpan<char> replacement)
    {
        Append(_source.AsSpan(_copied, start - _copied));
        Append(replacement);
        _copied = end;
    }

    public string Finish()
    {
        if (_buffer is null) return _source;
        Append(_source.AsSpan(_copied));
        var text = new string(_buffer, 0, _length);
        ArrayPool<char>.Shared.Return(_buffer);
        _buffer = null;
        return text;
    }

    void Append(ReadOnlySpan<char> text)
    {
        if (_buffer is null || _buffer.Length - _length < text.Length)
        {
            var bigger = ArrayPool<char>.Shared.Rent(Math.Max(_source.Length + 64, (_length + text.Length) * 2));
            if (_buffer is not null)
            {
                _buffer.AsSpan(0, _length).CopyTo(bigger);
                ArrayPool<char>.Shared.Return(_buffer);
            }
            _buffer = bigger;
        }
        text.CopyTo(_buffer.AsSpan(_length));
        _length += text.Length;
    }
}
