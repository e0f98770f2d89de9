namespace Ingestion.Protocols.Elasticsearch;

/// <summary>The operations a _bulk body can hold. Intake only adds documents; the others are answered per item with 400.</summary>
public enum BulkAction
{
    Create,
    Index,
    Delete,
    Update,
}
