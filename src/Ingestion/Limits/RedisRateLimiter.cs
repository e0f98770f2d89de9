using StackExchange.Redis;

namespace Ingestion.Limits;

/// <summary>
/// Token buckets for lines/s and bytes/s plus the daily event quota, checked and taken in one Lua script so that
/// every Ingestion instance shares one atomic view per tenant. Time comes from the Redis server's clock.
/// </summary>
public sealed class RedisRateLimiter(ConnectionMultiplexer redis) : IRateLimiter
{
    const string Script = """
        local now_t = redis.call('TIME')
        local now = tonumber(now_t[1]) * 1000 + math.floor(tonumber(now_t[2]) / 1000)
        local lines_rate, bytes_rate, quota = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
        local burst = tonumber(ARGV[4])
        local lines, bytes, partial = tonumber(ARGV[5]), tonumber(ARGV[6]), ARGV[7] == '1'
        local function tokens(key, rate)
          local b = redis.call('HMGET', key, 't', 'ts')
          local t = tonumber(b[1]) or rate * burst
          local ts = tonumber(b[2]) or now
          return math.min(rate * burst, t + (now - ts) * rate / 1000)
        end
        local lt = tokens(KEYS[1], lines_rate)
        local bt = tokens(KEYS[2], bytes_rate)
        local used = tonumber(redis.call('GET', KEYS[3]) or '0')
        local per_line = bytes / math.max(lines, 1)
        local fit = math.min(lines, math.floor(lt), math.floor(bt / math.max(per_line, 1)), quota - used)
        if fit < 0 then fit = 0 end
        if not partial and fit < lines then fit = 0 end
        local reason = ''
        local retry_ms = 0
        if fit < lines then
          if used + lines > quota then
            reason = 'daily event quota exhausted'
            retry_ms = (86400000 - (now % 86400000))
          elseif lines > lt then
            reason = 'lines per second limit'
            retry_ms = math.ceil((lines - lt) * 1000 / lines_rate)
          else
            reason = 'bytes per second limit'
            retry_ms = math.ceil((bytes - bt) * 1000 / bytes_rate)
          end
        end
        lt = lt - fit
        bt = bt - fit * per_line
        redis.call('HSET', KEYS[1], 't', lt, 'ts', now)
        redis.call('HSET', KEYS[2], 't', bt, 'ts', now)
        redis.call('PEXPIRE', KEYS[1], burst * 2000)
        redis.call('PEXPIRE', KEYS[2], burst * 2000)
        if fit > 0 then
          redis.call('INCRBY', KEYS[3], fit)
          redis.call('PEXPIRE', KEYS[3], 90000000)
        end
        return { fit, math.floor(lt), math.max(retry_ms, 0), reason }
        """;

    public async Task<Admission> AdmitAsync(string tenantId, IngestLimits limits, int lines, long bytes, bool partial)
    {
        var day = DateTime.UtcNow.ToString("yyyyMMdd");
        var result = (RedisResult[])(await redis.GetDatabase().ScriptEvaluateAsync(Script,
            [$"ingest:{{{tenantId}}}:lines", $"ingest:{{{tenantId}}}:bytes", $"ingest:{{{tenantId}}}:day:{day}"],
            [limits.LinesPerSecond, limits.BytesPerSecond, limits.EventsPerDay, IngestLimits.BurstSeconds, lines, bytes, partial ? 1 : 0]))!;
        var reason = (string?)result[3];
        return new Admission((int)result[0], (long)result[1], TimeSpan.FromMilliseconds((long)result[2]),
            string.IsNullOrEmpty(reason) ? null : reason);
    }
}
