namespace Query.Indexing;

public sealed record IndexerOptions(string BootstrapServers, int MaxMessagesPerAppend = 64);
