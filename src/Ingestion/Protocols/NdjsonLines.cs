namespace Ingestion.Protocols;

/// <summary>
/// Splits a newline-delimited body into its non-blank lines (a trailing <c>\r</c> removed), numbering them two ways:
/// <see cref="Index"/> counts only lines with content (the item index reported back to the sender), <see cref="LineNumber"/>
/// is the 1-based physical line (for humans reading the error).
/// </summary>
ref struct NdjsonLines(ReadOnlySpan<byte> body)
{
    ReadOnlySpan<byte> _rest = body;
    int _physicalLine;

    public ReadOnlySpan<byte> Current { get; private set; }
    public int Index { get; private set; } = -1;
    public int LineNumber => _physicalLine;

    public bool MoveNext()
    {
        while (!_rest.IsEmpty)
        {
            var newline = _rest.IndexOf((byte)'\n');
            var line = newline < 0 ? _rest : _rest[..newline];
            _rest = newline < 0 ? default : _rest[(newline + 1)..];
            _physicalLine++;
            line = line.TrimEnd((byte)'\r');
            if (line.Trim(" \t"u8).IsEmpty) continue;
            Current = line;
            Index++;
            return true;
        }
        return false;
    }
}
