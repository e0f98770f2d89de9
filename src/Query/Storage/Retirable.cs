namespace Query.Storage;

/// <summary>
/// Something readers may still hold after the read model has replaced it (a head flushed into segments, segments
/// merged by compaction): it is freed when the last reader lets go, never under a running query.
/// </summary>
public abstract class Retirable
{
    int references = 1; // the read model's own
    int retired;

    /// <summary>False once the object is freed; a reader that gets false must take a fresh view.</summary>
    public bool TryAcquire()
    {
        while (true)
        {
            var current = Volatile.Read(ref references);
            if (current == 0) return false;
            if (Interlocked.CompareExchange(ref references, current + 1, current) == current) return true;
        }
    }

    public void Release()
    {
        if (Interlocked.Decrement(ref references) == 0) Free();
    }

    /// <summary>Drops the read model's reference; the object is freed now or when its last reader releases it.</summary>
    public void Retire()
    {
        if (Interlocked.Exchange(ref retired, 1) == 0) Release();
    }

    protected abstract void Free();
}
