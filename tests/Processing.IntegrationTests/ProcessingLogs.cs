using System.Text.RegularExpressions;
using BuildingBlocks.Messaging;
using Contracts;
using Contracts.Config;
using Contracts.Logs;
using TestInfrastructure;

namespace Processing.IntegrationTests;

[Collection(ProcessingCollection.Name)]
public sealed class ProcessingLogs(ProcessingStack stack)
{
    [Fact]
    public async Task runs_each_batch_through_the_tenants_pipeline_and_applies_a_change_without_a_restart()
    {
        var (tenant, key) = await stack.Stack.OnboardAsync();
        await stack.PutPipelineAsync(tenant, key, new object[]
        {
            new { type = "parse", format = "regex", pattern = @"^user (?<user>\w+) logged in from (?<ip>[\d.]+)$" },
            new { type = "labels", labels = new Dictionary<string, string> { ["env"] = "first" } },
        });
        var first = await ProcessedOnceConfigArrivesAsync(tenant, "first");

        first.Attributes["user"].ShouldBe("alice");
        first.Attributes["ip"].ShouldBe("10.0.0.7");
        first.Attributes["pipeline.version"].ShouldBe("1");

        await stack.PutPipelineAsync(tenant, key, new object[] { new { type = "labels", labels = new Dictionary<string, string> { ["env"] = "second" } } });
        var second = await ProcessedOnceConfigArrivesAsync(tenant, "second");

        second.Attributes["pipeline.version"].ShouldBe("2");
        second.Attributes.ContainsKey("user").ShouldBeFalse("the new pipeline no longer parses");
    }

    [Fact]
    public async Task never_lets_generated_emails_ip_addresses_or_card_numbers_through()
    {
        var (tenant, key) = await stack.Stack.OnboardAsync();
        await stack.PutPipelineAsync(tenant, key, new object[] { new { type = "redact", kinds = new[] { "email", "ipv4", "credit_card" } } });
        var random = new Random(7);
        var secrets = new List<string>();
        var records = new List<LogRecord>();
        for (var i = 0; i < 300; i++)
        {
            var email = $"user{random.Next(1_000_000)}.{i}@example{random.Next(100)}.com";
            var ip = $"{random.Next(1, 224)}.{random.Next(256)}.{random.Next(256)}.{random.Next(1, 255)}";
            var card = LuhnCard(random, separators: i % 2 == 0);
            secrets.AddRange([email, ip, card.Replace(" ", "")]);
            records.Add(ProcessingStack.Record(tenant, $"payment by {email} from {ip} with card {card}",
                attributes: new Dictionary<string, string> { ["customer.email"] = email, ["client.ip"] = ip, ["card"] = card }));
        }

        // The pipeline has reached Processing once a marker batch comes out redacted.
        await Eventually.Until(async () =>
        {
            var marker = Guid.NewGuid().ToString("N");
            await stack.PublishRawAsync(tenant, [ProcessingStack.Record(tenant, $"probe {marker} to probe@example.com")]);
            return stack.Processed(tenant, records => records.Any(r => r.Message.Contains(marker)), TimeSpan.FromSeconds(5))
                .Any(r => r.Message.Contains(marker) && !r.Message.Contains("probe@example.com"));
        }, TimeSpan.FromSeconds(30), "the redaction pipeline is in force");
        await stack.PublishRawAsync(tenant, records);

        var output = stack.Processed(tenant, atLeast: 300 + 1).Where(r => r.Message.StartsWith("payment")).ToList();
        output.Count.ShouldBe(300);
        var text = string.Join("\n", output.Select(r => r.Message + " " + string.Join(" ", r.Attributes.Values)));
        var digitsOnly = Regex.Replace(text, @"[ -]", "");
        foreach (var secret in secrets)
        {
            text.ShouldNotContain(secret);
            if (secret.All(char.IsDigit)) digitsOnly.ShouldNotContain(secret);
        }
    }

    [Fact]
    public async Task sends_a_poison_record_to_the_dead_letter_topic_and_delivers_its_neighbours()
    {
        var (tenant, _) = await stack.Stack.OnboardAsync();
        // Tenancy refuses patterns that backtrack catastrophically on its samples; published directly, this one tests
        // the last line of defence, Processing's per-match timeout.
        await stack.PublishConfigAsync(ConfigMessageTypes.PipelineChanged, tenant,
            new PipelineConfig(tenant, 1, [new ParseStage("regex", Pattern: @"^(?<word>(a+)+)$")], Version: 1_000));
        var poison = new string('a', 40_000) + "!";
        await Eventually.Until(async () =>
        {
            var marker = Guid.NewGuid().ToString("N");
            await stack.PublishRawAsync(tenant, [ProcessingStack.Record(tenant, marker)]);
            return stack.Processed(tenant, records => records.Any(r => r.Message == marker), TimeSpan.FromSeconds(5))
                .Any(r => r.Message == marker && r.Attributes.GetValueOrDefault("pipeline.version") == "1");
        }, TimeSpan.FromSeconds(30), "the pipeline is in force");

        await stack.PublishRawAsync(tenant, [ProcessingStack.Record(tenant, "before"), ProcessingStack.Record(tenant, poison), ProcessingStack.Record(tenant, "after")]);

        var delivered = stack.Processed(tenant, records => records.Any(r => r.Message == "after"));
        delivered.ShouldContain(r => r.Message == "before");
        delivered.ShouldNotContain(r => r.Message == poison);
        var dead = stack.Read(Topics.DeadLetter(Topics.LogsRaw), tenant, b => b.Count > 0).Values.Single();
        dead.Records.Single().Message.ShouldBe(poison);
    }

    [Fact]
    public async Task a_processor_killed_mid_stream_and_restarted_delivers_every_record_exactly_once_to_a_reader_that_drops_replays()
    {
        var (tenant, _) = await stack.Stack.OnboardAsync();
        var sent = new List<string>();
        async Task PublishAsync(int batches)
        {
            for (var b = 0; b < batches; b++)
            {
                var records = Enumerable.Range(0, 200).Select(i => ProcessingStack.Record(tenant, $"line {sent.Count + i}")).ToList();
                sent.AddRange(records.Select(r => r.Message));
                await stack.PublishRawAsync(tenant, records);
            }
        }

        await PublishAsync(20);
        stack.Processed(tenant, atLeast: 200);
        await stack.Stack.CrashAndRestartAsync("processing");
        await PublishAsync(20);

        var output = stack.Read(Topics.LogsProcessed, tenant, b => b.Values.Sum(x => x.Records.Count) >= sent.Count, TimeSpan.FromSeconds(60))
            .Values.SelectMany(b => b.Records).Select(r => r.Message).ToList();
        output.Count.ShouldBe(sent.Count, "no record lost, none twice once replays are dropped by batch id");
        output.Order().ShouldBe(sent.Order());
    }

    async Task<LogRecord> ProcessedOnceConfigArrivesAsync(string tenant, string env)
    {
        LogRecord? found = null;
        await Eventually.Until(async () =>
        {
            var marker = Guid.NewGuid().ToString("N")[..8];
            await stack.PublishRawAsync(tenant, [ProcessingStack.Record(tenant, "user alice logged in from 10.0.0.7", attributes: new Dictionary<string, string> { ["marker"] = marker })]);
            found = stack.Processed(tenant, records => records.Any(r => r.Attributes.GetValueOrDefault("marker") == marker), TimeSpan.FromSeconds(5))
                .LastOrDefault(r => r.Attributes.GetValueOrDefault("marker") == marker);
            return found?.Attributes.GetValueOrDefault("env") == env;
        }, TimeSpan.FromSeconds(30), $"a batch came out with env={env}");
        return found!;
    }

    static string LuhnCard(Random random, bool separators)
    {
        var digits = new int[16];
        digits[0] = 4;
        for (var i = 1; i < 15; i++) digits[i] = random.Next(10);
        var sum = 0;
        for (var i = 0; i < 15; i++)
        {
            var d = digits[14 - i];
            if (i % 2 == 0) { d *= 2; if (d > 9) d -= 9; }
            sum += d;
        }
        digits[15] = (10 - sum % 10) % 10;
        var text = string.Concat(digits);
        return separators ? string.Join(' ', text.Chunk(4).Select(c => new string(c))) : text;
    }
}
