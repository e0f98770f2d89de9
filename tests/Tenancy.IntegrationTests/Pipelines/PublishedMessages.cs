using System.Text.Json;
using BuildingBlocks.EventStore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Tenancy.IntegrationTests.Pipelines;

/// <summary>The platform.config messages a tenant's changes wrote to the outbox, oldest first, as consumers will read them.</summary>
static class PublishedMessages
{
    public static async Task<List<T>> InOutboxAsync<T>(this TenancyApp app, string tenantId, string messageType)
    {
        await using var command = app.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand(
            "select payload from es_outbox where tenant = @tenant and message_type = @type order by id");
        command.Parameters.AddWithValue("tenant", tenantId);
        command.Parameters.AddWithValue("type", messageType);
        var messages = new List<T>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) messages.Add(JsonSerializer.Deserialize<T>(reader.GetFieldValue<byte[]>(0), EventTypeRegistry.Json)!);
        return messages;
    }
}
