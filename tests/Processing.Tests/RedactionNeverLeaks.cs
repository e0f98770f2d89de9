using Contracts.Config;
using Processing.Pipelines;

namespace Processing.Tests;

/// <summary>
/// Property tests: thousands of random emails, IPv4 addresses and Luhn-valid card numbers (plain and grouped), mixed
/// with words, short numbers and Luhn-invalid order numbers, in messages and attribute values. No generated secret may
/// survive, and every order number must. Seeds are fixed so a failure replays; the message names the seed and value.
/// </summary>
public sealed class RedactionNeverLeaks
{
    const int Records = 3000;

    static readonly string[] Separators = [" ", ", ", "; ", " | ", " (", ") ", " [", "] ", " <", "> ", ": ", "=", "\"", "'", "\t", "\n", " / "];

    static readonly CompiledPipeline Redact = Pipelines.Of(new RedactStage(["email", "ipv4", "credit_card"]));

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void no_generated_email_address_or_card_number_survives_in_messages_or_attributes(int seed)
    {
        var data = new PersonalData(seed);
        for (var i = 0; i < Records; i++)
        {
            var secrets = new List<string>();
            var keep = new List<string>();
            var message = Text(data, secrets, keep);
            var attributes = Pipelines.Attributes(("a", Text(data, secrets, keep)), ("b", Text(data, secrets, keep)));

            var record = Redact.Kept(Pipelines.Record(message, attributes: attributes));

            var output = string.Join("\u0001", [record.Message, .. record.Attributes.Values]);
            foreach (var secret in secrets)
                output.Contains(secret, StringComparison.Ordinal).ShouldBeFalse($"seed {seed}, record {i}: '{secret}' leaked in: {output}");
            foreach (var number in keep)
                output.Contains(number, StringComparison.Ordinal).ShouldBeTrue($"seed {seed}, record {i}: order number '{number}' was redacted: {output}");
        }
    }

    [Fact]
    public void every_address_keeps_only_its_network_part()
    {
        var data = new PersonalData(7);
        for (var i = 0; i < Records; i++)
        {
            var address = data.Ipv4();
            var network = address[..(address.LastIndexOf('.') + 1)];

            var record = Redact.Kept($"{data.Words()}{data.Pick(Separators)}{address}{data.Pick(Separators)}{data.Words()}");

            record.Message.ShouldContain(network + "x");
            record.Message.ShouldNotContain(address);
        }
    }

    /// <summary>Words, secrets and order numbers in random order and separators, noting which is which.</summary>
    static string Text(PersonalData data, List<string> secrets, List<string> keep)
    {
        var parts = new List<string>();
        for (var n = data.Next(6) + 1; n > 0; n--)
        {
            var kind = data.Next(6);
            var part = kind switch
            {
                0 => data.Email(),
                1 => data.Ipv4(),
                2 => data.Card(),
                3 => data.NotACard(),
                4 => data.ShortNumber(),
                _ => data.Words(),
            };
            if (kind <= 2) secrets.Add(part);
            if (kind == 3) keep.Add(part);
            parts.Add(part);
        }
        var text = new System.Text.StringBuilder();
        foreach (var part in parts) text.Append(data.Pick(Separators)).Append(part);
        return text.Append(data.Pick(Separators)).ToString();
    }
}
