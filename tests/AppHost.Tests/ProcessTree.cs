namespace AppHost.Tests;

/// <summary>Reads the process tree from /proc: what a process started, directly or not.</summary>
static class ProcessTree
{
    public static HashSet<int> DescendantsOf(int root)
    {
        var parents = new Dictionary<int, int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
            if (ParentOf(pid) is { } parent) parents[pid] = parent;
        }
        var found = new HashSet<int>();
        var frontier = new Queue<int>([root]);
        while (frontier.TryDequeue(out var current))
            foreach (var (child, parent) in parents)
                if (parent == current && found.Add(child)) frontier.Enqueue(child);
        return found;
    }

    public static bool IsAlive(int pid)
    {
        try
        {
            // A zombie has exited; only its parent's bookkeeping remains.
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)] != 'Z';
        }
        catch (IOException)
        {
            return false;
        }
    }

    public static string Describe(int pid)
    {
        try
        {
            return $"{pid}: {File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ')}";
        }
        catch (IOException)
        {
            return $"{pid}: (gone)";
        }
    }

    static int? ParentOf(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return int.Parse(fields[1]);
        }
        catch (Exception e) when (e is IOException or FormatException or IndexOutOfRangeException)
        {
            return null;
        }
    }
}
