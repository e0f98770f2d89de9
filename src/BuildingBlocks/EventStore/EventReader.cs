using System.Runtime.CompilerServices;
using Npgsql;

namespace BuildingBlocks.EventStore;

static class EventReader
{
    public const string Select =
        "select position, stream_id, version, event_id, event_type, data::text, actor, correlation_id, causation_id, recorded_at from es_events";

    public static async IAsyncEnumerable<StoredEvent> ReadAsync(NpgsqlCommand command, EventTypeRegistry types,
        [EnumeratorCancellation] CancellationToken ct)
    {
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var type = reader.GetString(4);
            yield return new StoredEvent(reader.GetInt64(0), reader.GetString(1), reader.GetInt32(2), reader.GetGuid(3), type,
                types.Deserialize(type, reader.GetString(5)),
                new EventMetadata(reader.IsDBNull(6) ? "" : reader.GetString(6), reader.IsDBNull(7) ? "" : reader.GetString(7),
                    reader.IsDBNull(8) ? null : reader.GetString(8)),
                reader.GetFieldValue<DateTimeOffset>(9));
        }
    }
}
