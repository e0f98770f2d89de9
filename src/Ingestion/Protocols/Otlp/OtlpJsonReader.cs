using System.Text.Json;
using Google.Protobuf;
using Ingestion.Protocols.Json;
using Ingestion.Protocols.Otlp.Proto;

namespace Ingestion.Protocols.Otlp;

/// <summary>
/// Reads the OTLP/JSON encoding into the protobuf messages, so both encodings share one mapping. OTLP/JSON differs from
/// protobuf's canonical JSON: trace and span ids are hex (not base64), enums are integers. Field names are accepted in
/// lowerCamelCase and, as protobuf JSON parsers do, in their original snake_case; unknown fields are skipped.
/// A problem confined to one log record (a bad id, timestamp or severity) is reported for that record alone.
/// </summary>
sealed class OtlpJsonReader
{
    delegate T ElementReader<out T>(ref Utf8JsonReader reader);

    readonly JsonFields _fields;
    readonly ElementReader<ResourceLogs> _readResourceLogs;
    readonly ElementReader<ScopeLogs> _readScopeLogs;
    readonly ElementReader<Proto.LogRecord> _readLogRecord;
    readonly ElementReader<KeyValue> _readKeyValue;
    readonly ElementReader<AnyValue> _readAnyValue;

    public OtlpJsonReader(JsonFields fields)
    {
        _fields = fields;
        // Method groups would allocate a delegate on every use, i.e. for every record and attribute.
        _readResourceLogs = ReadResourceLogs;
        _readScopeLogs = ReadScopeLogs;
        _readLogRecord = ReadLogRecord;
        _readKeyValue = ReadKeyValue;
        _readAnyValue = ReadAnyValue;
    }

    public Dictionary<Proto.LogRecord, string> Problems { get; } = new(ReferenceEqualityComparer.Instance);

    /// <summary>Reads the request object the reader is on.</summary>
    public ExportLogsServiceRequest ReadRequest(ref Utf8JsonReader reader)
    {
        var request = new ExportLogsServiceRequest();
        if (!IsObject(ref reader, "an export request")) return request;
        while (NextProperty(ref reader))
        {
            if (Is(ref reader, "resourceLogs"u8, "resource_logs"u8)) Array(ref reader, request.ResourceLogs, _readResourceLogs);
            else SkipValue(ref reader);
        }
        return request;
    }

    ResourceLogs ReadResourceLogs(ref Utf8JsonReader reader)
    {
        var resourceLogs = new ResourceLogs();
        if (!IsObject(ref reader, "resourceLogs")) return resourceLogs;
        while (NextProperty(ref reader))
        {
            if (Is(ref reader, "resource"u8, "resource"u8)) resourceLogs.Resource = ReadResource(ref Next(ref reader));
            else if (Is(ref reader, "scopeLogs"u8, "scope_logs"u8)) Array(ref reader, resourceLogs.ScopeLogs, _readScopeLogs);
            else if (Is(ref reader, "schemaUrl"u8, "schema_url"u8)) resourceLogs.SchemaUrl = String(ref reader);
            else SkipValue(ref reader);
        }
        return resourceLogs;
    }

    Resource ReadResource(ref Utf8JsonReader reader)
    {
        var resource = new Resource();
        if (!IsObject(ref reader, "resource")) return resource;
        while (NextProperty(ref reader))
        {
            if (Is(ref reader, "attributes"u8, "attributes"u8)) Array(ref reader, resource.Attributes, _readKeyValue);
            else SkipValue(ref reader);
        }
        return resource;
    }

    ScopeLogs ReadScopeLogs(ref Utf8JsonReader reader)
    {
        var scopeLogs = new ScopeLogs();
        if (!IsObject(ref reader, "scopeLogs")) return scopeLogs;
        while (NextProperty(ref reader))
        {
            if (Is(ref reader, "scope"u8, "scope"u8)) scopeLogs.Scope = ReadScope(ref Next(ref reader));
            else if (Is(ref reader, "logRecords"u8, "log_records"u8)) Array(ref reader, scopeLogs.LogRecords, _readLogRecord);
            else if (Is(ref reader, "schemaUrl"u8, "schema_url"u8)) scopeLogs.SchemaUrl = String(ref reader);
            else SkipValue(ref reader);
        }
        return scopeLogs;
    }

    InstrumentationScope ReadScope(ref Utf8JsonReader reader)
    {
        var scope = new InstrumentationScope();
        if (!IsObject(ref reader, "scope")) return scope;
        while (NextProperty(ref reader))
        {
            if (Is(ref reader, "name"u8, "name"u8)) scope.Name = String(ref reader);
            else if (Is(ref reader, "version"u8, "version"u8)) scope.Version = String(ref reader);
            else if (Is(ref reader, "attributes"u8, "attributes"u8)) Array(ref reader, scope.Attributes, _readKeyValue);
            else SkipValue(ref reader);
        }
        return scope;
    }

    Proto.LogRecord ReadLogRecord(ref Utf8JsonReader reader)
    {
        var log = new Proto.LogRecord();
        if (!IsObject(ref reader, "logRecords")) return log;
        string? problem = null;
        while (NextProperty(ref reader))
        {
            if (Is(ref reader, "timeUnixNano"u8, "time_unix_nano"u8))
                log.TimeUnixNano = OtlpJsonScalars.TryUInt64(ref Next(ref reader), _fields, out var time) ? time : Problem(ref problem, "timeUnixNano must be Unix nanoseconds");
            else if (Is(ref reader, "observedTimeUnixNano"u8, "observed_time_unix_nano"u8))
                log.ObservedTimeUnixNano = OtlpJsonScalars.TryUInt64(ref Next(ref reader), _fields, out var observed) ? observed : Problem(ref problem, "observedTimeUnixNano must be Unix nanoseconds");
            else if (Is(ref reader, "severityNumber"u8, "severity_number"u8))
                log.SeverityNumber = OtlpJsonScalars.TrySeverity(ref Next(ref reader), _fields, out var severity) ? severity : (SeverityNumber)Problem(ref problem, "severityNumber must be an integer from 0 to 24");
            else if (Is(ref reader, "severityText"u8, "severity_text"u8)) log.SeverityText = String(ref reader);
            else if (Is(ref reader, "body"u8, "body"u8)) log.Body = ReadAnyValue(ref Next(ref reader));
            else if (Is(ref reader, "attributes"u8, "attributes"u8)) Array(ref reader, log.Attributes, _readKeyValue);
            else if (Is(ref reader, "traceId"u8, "trace_id"u8))
                log.TraceId = OtlpJsonScalars.TryHexId(ref Next(ref reader), _fields, 16, out var traceId) ? traceId : Problem(ref problem, "traceId must be 32 hex digits", ByteString.Empty);
            else if (Is(ref reader, "spanId"u8, "span_id"u8))
                log.SpanId = OtlpJsonScalars.TryHexId(ref Next(ref reader), _fields, 8, out var spanId) ? spanId : Problem(ref problem, "spanId must be 16 hex digits", ByteString.Empty);
            else if (Is(ref reader, "eventName"u8, "event_name"u8)) log.EventName = String(ref reader);
            else SkipValue(ref reader);
        }
        if (problem is not null) Problems[log] = problem;
        return log;
    }

    KeyValue ReadKeyValue(ref Utf8JsonReader reader)
    {
        var pair = new KeyValue();
        if (!IsObject(ref reader, "a key-value")) return pair;
        while (NextProperty(ref reader))
        {
            if (Is(ref reader, "key"u8, "key"u8)) pair.Key = String(ref reader);
            else if (Is(ref reader, "value"u8, "value"u8)) pair.Value = ReadAnyValue(ref Next(ref reader));
            else SkipValue(ref reader);
        }
        return pair;
    }

    AnyValue ReadAnyValue(ref Utf8JsonReader reader)
    {
        var value = new AnyValue();
        if (!IsObject(ref reader, "an AnyValue")) return value;
        while (NextProperty(ref reader))
        {
            if (Is(ref reader, "stringValue"u8, "string_value"u8)) value.StringValue = String(ref reader);
            else if (Is(ref reader, "boolValue"u8, "bool_value"u8)) value.BoolValue = Next(ref reader).TokenType == JsonTokenType.True;
            else if (Is(ref reader, "intValue"u8, "int_value"u8)) value.IntValue = OtlpJsonScalars.Int64(ref Next(ref reader), _fields);
            else if (Is(ref reader, "doubleValue"u8, "double_value"u8)) value.DoubleValue = OtlpJsonScalars.Double(ref Next(ref reader), _fields);
            else if (Is(ref reader, "bytesValue"u8, "bytes_value"u8)) value.BytesValue = OtlpJsonScalars.Base64(ref Next(ref reader), _fields);
            else if (Is(ref reader, "arrayValue"u8, "array_value"u8)) value.ArrayValue = ReadArrayValue(ref Next(ref reader));
            else if (Is(ref reader, "kvlistValue"u8, "kvlist_value"u8)) value.KvlistValue = ReadKeyValueList(ref Next(ref reader));
            else SkipValue(ref reader);
        }
        return value;
    }

    ArrayValue ReadArrayValue(ref Utf8JsonReader reader)
    {
        var array = new ArrayValue();
        if (!IsObject(ref reader, "an arrayValue")) return array;
        while (NextProperty(ref reader))
        {
            if (Is(ref reader, "values"u8, "values"u8)) Array(ref reader, array.Values, _readAnyValue);
            else SkipValue(ref reader);
        }
        return array;
    }

    KeyValueList ReadKeyValueList(ref Utf8JsonReader reader)
    {
        var list = new KeyValueList();
        if (!IsObject(ref reader, "a kvlistValue")) return list;
        while (NextProperty(ref reader))
        {
            if (Is(ref reader, "values"u8, "values"u8)) Array(ref reader, list.Values, _readKeyValue);
            else SkipValue(ref reader);
        }
        return list;
    }

    string String(ref Utf8JsonReader reader)
    {
        Next(ref reader);
        return reader.TokenType switch
        {
            JsonTokenType.String => _fields.String(ref reader),
            JsonTokenType.Null => "",
            _ => throw new OtlpJsonException($"expected a string at byte {reader.TokenStartIndex}"),
        };
    }

    static T Problem<T>(ref string? problem, string description, T fallback = default!)
    {
        problem ??= description;
        return fallback;
    }

    static ulong Problem(ref string? problem, string description) => Problem<ulong>(ref problem, description);

    /// <summary>Reads the JSON array (or null) after the current property name into a repeated field.</summary>
    static void Array<T>(ref Utf8JsonReader reader, ICollection<T> into, ElementReader<T> read)
    {
        Next(ref reader);
        if (reader.TokenType == JsonTokenType.Null) return;
        if (reader.TokenType != JsonTokenType.StartArray) throw new OtlpJsonException($"expected an array at byte {reader.TokenStartIndex}");
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray) into.Add(read(ref reader));
    }

    /// <summary>True when the reader is on an object to walk with <see cref="NextProperty"/>; false for null.</summary>
    static bool IsObject(ref Utf8JsonReader reader, string what) => reader.TokenType switch
    {
        JsonTokenType.StartObject => true,
        JsonTokenType.Null => false,
        _ => throw new OtlpJsonException($"expected {what} object at byte {reader.TokenStartIndex}"),
    };

    /// <summary>Moves to the next property name of the current object; false at its end.</summary>
    static bool NextProperty(ref Utf8JsonReader reader) => reader.Read() && reader.TokenType == JsonTokenType.PropertyName;

    static bool Is(ref Utf8JsonReader reader, ReadOnlySpan<byte> camel, ReadOnlySpan<byte> snake) =>
        reader.ValueTextEquals(camel) || (!camel.SequenceEqual(snake) && reader.ValueTextEquals(snake));

    static ref Utf8JsonReader Next(ref Utf8JsonReader reader)
    {
        reader.Read();
        return ref reader;
    }

    static void SkipValue(ref Utf8JsonReader reader)
    {
        reader.Read();
        reader.Skip();
    }
}
