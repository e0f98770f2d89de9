namespace TestInfrastructure;

/// <summary>Polls a condition until a deadline instead of sleeping a fixed time.</summary>
public static class Eventually
{
    public static async Task Until(Func<bool> condition, TimeSpan timeout, string because)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Timed out after {timeout.TotalSeconds:0} s waiting until {because}");
            await Task.Delay(50);
        }
    }

    public static async Task Until(Func<Task<bool>> condition, TimeSpan timeout, string because)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Timed out after {timeout.TotalSeconds:0} s waiting until {because}");
            await Task.Delay(50);
        }
    }
}
