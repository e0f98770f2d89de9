namespace BuildingBlocks.DevHosting.Processes;

/// <summary>One resource's output: echoed to the console with the resource's name, appended to its log file, last lines kept.</summary>
public sealed class ResourceLog : IDisposable
{
    const int KeptLines = 50;
    static readonly Lock ConsoleLock = new();
    readonly string prefix;
    StreamWriter? file;
    readonly bool echo;
    readonly Queue<string> recent = new();
    readonly Lock gate = new();

    public ResourceLog(string name, string? logFile, bool echo)
    {
        prefix = name.PadRight(11) + "| ";
        this.echo = echo;
        if (logFile is not null)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(logFile)!);
            file = new StreamWriter(new FileStream(logFile, FileMode.Append, FileAccess.Write, FileShare.ReadWrite)) { AutoFlush = true };
        }
    }

    public void Write(string line)
    {
        lock (gate)
        {
            file?.WriteLine(line);
            recent.Enqueue(line);
            if (recent.Count > KeptLines) recent.Dequeue();
        }
        if (echo)
            lock (ConsoleLock) Console.Out.WriteLine(prefix + line);
    }

    public IReadOnlyList<string> Recent(int count)
    {
        lock (gate) return recent.TakeLast(count).ToArray();
    }

    public void Dispose()
    {
        lock (gate)
        {
            file?.Dispose();
            file = null;
        }
    }
}
