using System.Runtime.InteropServices;

namespace Query.Segments;

/// <summary>fsync for files written by others (DuckDB's COPY) and for folders, so a rename survives a power cut.</summary>
public static partial class Durable
{
    public static void SyncFile(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite);
        stream.Flush(flushToDisk: true);
    }

    public static void SyncDirectory(string path)
    {
        var fd = open(path, 0 /* O_RDONLY */);
        if (fd < 0) return;
        try
        {
            fsync(fd);
        }
        finally
        {
            close(fd);
        }
    }

    [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int open(string path, int flags);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int fsync(int fd);

    [LibraryImport("libc")]
    private static partial int close(int fd);
}
