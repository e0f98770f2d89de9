namespace Contracts.Logs;

/// <summary>
/// The six canonical severities every source is normalised to (see <see cref="LogLevels"/>). The numeric values are part
/// of the logs.raw wire format: append new members only.
/// </summary>
public enum LogLevel : byte
{
    Trace = 0,
    Debug = 1,
    Info = 2,
    Warn = 3,
    Error = 4,
    Fatal = 5,
}
