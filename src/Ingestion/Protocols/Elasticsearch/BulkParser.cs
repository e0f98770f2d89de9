using System.Buffers.Text;
using System.Text.Json;
using Contracts.Logs;
using Ingestion.Protocols.Json;

namespace Ingestion.Protocols.Elasticsearch;

/// <summary>
/// Elasticsearch <c>POST /_bulk</c> and <c>/{index}/_bulk</c>: NDJSON pairs of an action line and a document line.
/// <c>create</c> and <c>index</c> add the document as a record (see <see cref="EcsDocument"/> for the field mapping; the
/// target index becomes the attribute <c>index</c>); <c>delete</c> (no document line) and <c>update</c> are answered per
/// item with 400, as are documents that are not JSON objects or break a record rule. A line that is not an action makes
/// the whole request a 400, as it does in Elasticsearch.
/// </summary>
public static class BulkParser
{
    public const string IndexAttribute = "index";

    /// <param name="urlIndex">The <c>{index}</c> of <c>/{index}/_bulk</c>: the default for actions without <c>_index</c>.</param>
    public static BulkParseResult Parse(ReadOnlySpan<byte> body, string? urlIndex, IngestContext context)
    {
        var builder = new ParseResultBuilder(context);
        var items = new List<BulkItem>();
        using var fields = new JsonFields();
        var draft = new RecordDraft();
        var document = new EcsDocument(draft);
        var accepted = 0;

        var lines = new NdjsonLines(BodyText.WithoutBom(body));
        while (lines.MoveNext())
        {
            if (!BulkActionLine.TryRead(lines.Current, lines.LineNumber, fields, out var action, out var actionError))
                return BulkParseResult.Malformed("illegal_argument_exception", actionError);

            var item = items.Count;
            var index = action.Index ?? urlIndex;
            var id = action.Id ?? NewId();
            BulkItem Refuse(int status, string type, string reason)
            {
                builder.Reject(item, reason);
                return new BulkItem(action.Action, index, id, status, new BulkItemError(type, reason), -1);
            }

            if (action.Action == BulkAction.Delete)
            {
                items.Add(Refuse(400, "action_request_validation_exception", "delete is not supported: this endpoint only ingests logs"));
                continue;
            }
            var actionLine = lines.LineNumber;
            if (!lines.MoveNext())
                return BulkParseResult.Malformed("illegal_argument_exception",
                    $"The bulk request ends after the {action.Action.ToString().ToLowerInvariant()} action on line [{actionLine}] without its document");
            if (action.Action == BulkAction.Update)
            {
                items.Add(Refuse(400, "action_request_validation_exception", "update is not supported: this endpoint only ingests logs"));
                continue;
            }
            if (index is null)
            {
                items.Add(Refuse(400, "action_request_validation_exception", "Validation Failed: 1: index is missing;"));
                continue;
            }

            document.Reset();
            if (!TryReadDocument(lines.Current, lines.LineNumber, fields, document, out var documentError))
            {
                items.Add(Refuse(400, "document_parsing_exception", documentError));
                continue;
            }
            draft.Attribute(IndexAttribute, index);
            draft.EventId = action.Id;
            if (draft.Problem is not null)
            {
                items.Add(Refuse(400, "document_parsing_exception", draft.Problem));
                continue;
            }
            var problem = builder.Accept(item, draft.Build(context, LogSource.Elasticsearch));
            items.Add(problem is null
                ? new BulkItem(action.Action, index, id, 201, null, accepted++)
                : new BulkItem(action.Action, index, id, 400, new BulkItemError("illegal_argument_exception", problem), -1));
        }
        if (items.Count == 0) return BulkParseResult.Malformed("action_request_validation_exception", "Validation Failed: 1: no requests added;");
        return new BulkParseResult(builder.Build(), items, null);
    }

    static bool TryReadDocument(ReadOnlySpan<byte> line, int lineNumber, JsonFields fields, EcsDocument document, out string error)
    {
        error = "";
        try
        {
            var reader = new Utf8JsonReader(line);
            reader.Read();
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                error = $"[{lineNumber}:1] failed to parse: the document is not a JSON object";
                return false;
            }
            fields.Flatten(line, ref reader, default, document);
            reader.Read(); // throws when anything but whitespace follows the document
            document.Complete();
            return true;
        }
        catch (JsonException e)
        {
            error = $"[{lineNumber}:{e.BytePositionInLine + 1}] failed to parse: {e.Message}";
            return false;
        }
    }

    /// <summary>A 20-character URL-safe id, like the ones Elasticsearch generates.</summary>
    static string NewId()
    {
        Span<byte> raw = stackalloc byte[16];
        Guid.CreateVersion7().TryWriteBytes(raw, bigEndian: true, out _);
        Span<byte> text = stackalloc byte[24];
        Base64Url.EncodeToUtf8(raw[..15], text, out _, out var written);
        return System.Text.Encoding.ASCII.GetString(text[..written]);
    }
}
