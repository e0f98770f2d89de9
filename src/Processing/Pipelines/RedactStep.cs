using System.Text.RegularExpressions;

namespace Processing.Pipelines;

/// <summary>
/// redact: replaces personal data in the message, the service, the host and every attribute — values and keys, since
/// a parse stage can turn data into keys. The built-in kinds run first (<see cref="PiiScanner"/>), then the custom
/// pattern over what they left; its replacement is literal text ("$1" is not a group reference). The trace and span
/// ids are left alone: they are random hex that correlation depends on, and a Luhn false positive there would cut a trace.
/// </summary>
sealed class RedactStep(string name, PiiKinds kinds, Regex? custom, string replacement) : PipelineStep(name)
{
    public override string? Apply(RecordDraft draft)
    {
        var count = draft.Redactions;
        draft.Message = Redact(draft.Message, ref count);
        if (draft.Service is { } service) draft.Service = Redact(service, ref count);
        if (draft.Host is { } host) draft.Host = Redact(host, ref count);
        var attributes = draft.Attributes;
        for (var i = 0; i < attributes.Count; i++)
        {
            var value = attributes.ValueAt(i);
            var redacted = Redact(value, ref count);
            if (!ReferenceEquals(redacted, value)) attributes.SetValueAt(i, redacted);
        }
        List<KeyValuePair<string, string>>? renames = null; // rare: only when a key holds personal data
        for (var i = 0; i < attributes.Count; i++)
        {
            var key = attributes.KeyAt(i);
            var redacted = Redact(key, ref count);
            if (!ReferenceEquals(redacted, key)) (renames ??= []).Add(new(key, redacted));
        }
        // Renamed after the scan, so that no key is scanned twice (a custom pattern could match its own replacement).
        if (renames is not null)
            foreach (var (key, redacted) in renames) attributes.Rename(key, redacted);
        draft.Redactions = count;
        return null;
    }

    string Redact(string text, ref int count)
    {
        if (kinds != PiiKinds.None) text = PiiScanner.Redact(text, kinds, replacement, ref count);
        return custom is null ? text : Custom(text, ref count);
    }

    string Custom(string text, ref int count)
    {
        var output = new RedactedText(text);
        foreach (var match in custom!.EnumerateMatches(text))
        {
            // Tenancy refuses patterns that match "", but one may still match empty at some positions.
            if (match.Length == 0) continue;
            output.Replace(match.Index, match.Index + match.Length, replacement);
            count++;
        }
        return output.Finish();
    }
}
