using System.Net;
using BuildingBlocks.BlobStorage;
using TestInfrastructure;

namespace BuildingBlocks.IntegrationTests.BlobStorage;

[Collection(InfrastructureCollection.Name)]
public sealed class ListingBlobs(InfrastructureFixture infra) : IAsyncLifetime
{
    readonly BlobStorageClient _blobs = new(BlobConnection.Parse(infra.BlobConnectionString));
    readonly string _container = TestBlobs.UniqueContainerName();

    public async Task InitializeAsync()
    {
        await _blobs.CreateContainerIfNotExistsAsync(_container);
        foreach (var (name, length) in new[] { ("acme/a", 1), ("acme/b", 2), ("acme/c", 3), ("acme/d", 4), ("acme/e", 5), ("globex/a", 6) })
            await _blobs.PutBlobAsync(_container, name, TestBlobs.RandomContent(length));
    }

    public Task DisposeAsync() => _blobs.DeleteContainerAsync(_container);

    [Fact]
    public async Task lists_only_the_blobs_under_a_prefix_with_their_lengths()
    {
        var listed = await _blobs.ListBlobsAsync(_container, prefix: "acme/").ToListAsync();

        listed.Select(blob => (blob.Name, blob.Length)).ShouldBe(
            [("acme/a", 1L), ("acme/b", 2L), ("acme/c", 3L), ("acme/d", 4L), ("acme/e", 5L)]);
        listed.ShouldAllBe(blob => blob.LastModified > DateTimeOffset.UtcNow.AddMinutes(-5));
    }

    [Fact]
    public async Task follows_the_next_marker_across_pages()
    {
        var listed = await _blobs.ListBlobsAsync(_container, prefix: "acme/", pageSize: 2).ToListAsync();

        listed.Select(blob => blob.Name).ShouldBe(["acme/a", "acme/b", "acme/c", "acme/d", "acme/e"]);
    }

    [Fact]
    public async Task lists_every_blob_without_a_prefix()
    {
        var listed = await _blobs.ListBlobsAsync(_container, pageSize: 4).ToListAsync();

        listed.Count.ShouldBe(6);
    }

    [Fact]
    public async Task lists_nothing_for_a_prefix_without_blobs()
    {
        (await _blobs.ListBlobsAsync(_container, prefix: "initech/").ToListAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task refuses_to_list_a_container_that_does_not_exist()
    {
        var failure = await Should.ThrowAsync<BlobStorageException>(
            async () => await _blobs.ListBlobsAsync(TestBlobs.UniqueContainerName()).ToListAsync());

        failure.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        failure.ErrorCode.ShouldBe("ContainerNotFound");
    }
}
