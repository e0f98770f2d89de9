using BuildingBlocks.BlobStorage;
using TestInfrastructure;

namespace BuildingBlocks.IntegrationTests.BlobStorage;

[Collection(InfrastructureCollection.Name)]
public sealed class StoringBlobs(InfrastructureFixture infra) : IAsyncLifetime
{
    readonly BlobStorageClient _blobs = new(BlobConnection.Parse(infra.BlobConnectionString));
    readonly string _container = TestBlobs.UniqueContainerName();

    public Task InitializeAsync() => _blobs.CreateContainerIfNotExistsAsync(_container);

    public Task DisposeAsync() => _blobs.DeleteContainerAsync(_container);

    [Fact]
    public async Task round_trips_a_small_blob_with_its_content_type_and_md5()
    {
        var content = TestBlobs.RandomContent(1000);

        await _blobs.PutBlobAsync(_container, "small.bin", content, "application/x-test");

        (await _blobs.GetBlobAsync(_container, "small.bin")).ShouldBe(content);
        var properties = (await _blobs.GetBlobPropertiesAsync(_container, "small.bin")).ShouldNotBeNull();
        properties.Length.ShouldBe(1000);
        properties.ContentType.ShouldBe("application/x-test");
        properties.ContentMd5.ShouldBe(TestBlobs.Md5Of(content));
        properties.ETag.ShouldStartWith("\"");
        properties.LastModified.ShouldBeInRange(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(5));
    }

    [Fact]
    public async Task round_trips_an_empty_blob()
    {
        await _blobs.PutBlobAsync(_container, "empty", ReadOnlyMemory<byte>.Empty);

        (await _blobs.GetBlobAsync(_container, "empty")).ShouldBeEmpty();
        (await _blobs.GetBlobPropertiesAsync(_container, "empty")).ShouldNotBeNull().Length.ShouldBe(0);
    }

    [Fact]
    public async Task round_trips_a_multi_block_blob_from_memory_and_records_the_whole_md5()
    {
        var content = TestBlobs.RandomContent(2 * TestBlobs.FourMiB + 12345);

        await _blobs.PutBlobAsync(_container, "large/from-memory.bin", content);

        (await _blobs.GetBlobAsync(_container, "large/from-memory.bin")).ShouldBe(content);
        var properties = (await _blobs.GetBlobPropertiesAsync(_container, "large/from-memory.bin")).ShouldNotBeNull();
        properties.Length.ShouldBe(content.Length);
        properties.ContentMd5.ShouldBe(TestBlobs.Md5Of(content));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1000)]
    [InlineData(TestBlobs.FourMiB)]
    [InlineData(TestBlobs.FourMiB + 1)]
    [InlineData(3 * TestBlobs.FourMiB)]
    public async Task round_trips_a_stream_of_any_length_with_its_md5(int length)
    {
        var content = TestBlobs.RandomContent(length, seed: length);
        await using var source = new MemoryStream(content);

        await _blobs.PutBlobAsync(_container, $"streamed/{length}.bin", source, "application/vnd.apache.parquet");

        (await _blobs.GetBlobAsync(_container, $"streamed/{length}.bin")).ShouldBe(content);
        var properties = (await _blobs.GetBlobPropertiesAsync(_container, $"streamed/{length}.bin")).ShouldNotBeNull();
        properties.Length.ShouldBe(length);
        properties.ContentMd5.ShouldBe(TestBlobs.Md5Of(content));
        properties.ContentType.ShouldBe("application/vnd.apache.parquet");
    }

    [Fact]
    public async Task replaces_a_blob_that_is_written_again()
    {
        await _blobs.PutBlobAsync(_container, "replaced", TestBlobs.RandomContent(TestBlobs.FourMiB + 10, seed: 1));
        var second = TestBlobs.RandomContent(50, seed: 2);

        await _blobs.PutBlobAsync(_container, "replaced", second);

        (await _blobs.GetBlobAsync(_container, "replaced")).ShouldBe(second);
    }

    [Fact]
    public async Task reads_a_range_such_as_a_parquet_footer()
    {
        var content = TestBlobs.RandomContent(TestBlobs.FourMiB + 500);
        await _blobs.PutBlobAsync(_container, "segment.parquet", content);

        var footer = await _blobs.GetBlobRangeAsync(_container, "segment.parquet", content.Length - 8, 8);
        var middle = await _blobs.GetBlobRangeAsync(_container, "segment.parquet", 1_000_000, 4096);

        footer.ShouldBe(content[^8..]);
        middle.ShouldBe(content[1_000_000..1_004_096]);
    }

    [Fact]
    public async Task reads_only_what_exists_when_a_range_runs_past_the_end()
    {
        var content = TestBlobs.RandomContent(100);
        await _blobs.PutBlobAsync(_container, "short", content);

        (await _blobs.GetBlobRangeAsync(_container, "short", 90, 50)).ShouldBe(content[90..]);
    }

    [Fact]
    public async Task stores_names_with_slashes_and_special_characters_under_exactly_that_name()
    {
        const string name = "tenant a/2024-01-01/файл #1+%20?&=;ü (copy)'.parquet";
        var content = TestBlobs.RandomContent(10);

        await _blobs.PutBlobAsync(_container, name, content);

        (await _blobs.GetBlobAsync(_container, name)).ShouldBe(content);
        (await _blobs.GetBlobRangeAsync(_container, name, 2, 3)).ShouldBe(content[2..5]);
        var listed = await _blobs.ListBlobsAsync(_container, prefix: "tenant a/").ToListAsync();
        listed.Select(blob => blob.Name).ShouldBe([name]);
        (await _blobs.DeleteBlobAsync(_container, name)).ShouldBeTrue();
    }

    [Fact]
    public async Task deletes_a_blob_once_and_then_reports_it_missing()
    {
        await _blobs.PutBlobAsync(_container, "doomed", TestBlobs.RandomContent(10));

        (await _blobs.DeleteBlobAsync(_container, "doomed")).ShouldBeTrue();
        (await _blobs.DeleteBlobAsync(_container, "doomed")).ShouldBeFalse();
        (await _blobs.GetBlobAsync(_container, "doomed")).ShouldBeNull();
    }

    [Fact]
    public async Task answers_null_or_false_for_a_blob_that_does_not_exist()
    {
        (await _blobs.GetBlobAsync(_container, "missing")).ShouldBeNull();
        (await _blobs.GetBlobRangeAsync(_container, "missing", 0, 10)).ShouldBeNull();
        (await _blobs.GetBlobPropertiesAsync(_container, "missing")).ShouldBeNull();
        (await _blobs.DeleteBlobAsync(_container, "missing")).ShouldBeFalse();
    }
}
