using BuildingBlocks.BlobStorage;
using TestInfrastructure;

namespace BuildingBlocks.IntegrationTests.BlobStorage;

[Collection(InfrastructureCollection.Name)]
public sealed class DownloadingBlobs(InfrastructureFixture infra) : IAsyncLifetime
{
    readonly BlobStorageClient _blobs = new(BlobConnection.Parse(infra.BlobConnectionString));
    readonly string _container = TestBlobs.UniqueContainerName();

    public Task InitializeAsync() => _blobs.CreateContainerIfNotExistsAsync(_container);

    public Task DisposeAsync() => _blobs.DeleteContainerAsync(_container);

    [Theory]
    [InlineData(1000)]
    [InlineData(2 * TestBlobs.FourMiB + 12345)]
    public async Task streams_a_blob_into_a_file_after_what_was_already_there(int length)
    {
        var content = TestBlobs.RandomContent(length, seed: length);
        await _blobs.PutBlobAsync(_container, "object.bin", content);
        using var destination = new MemoryStream();
        destination.Write([1, 2, 3]);

        (await _blobs.DownloadBlobAsync(_container, "object.bin", destination)).ShouldBeTrue();

        destination.ToArray().ShouldBe([1, 2, 3, .. content]);
    }

    [Fact]
    public async Task reports_a_missing_blob_or_container_without_writing_anything()
    {
        using var destination = new MemoryStream();

        (await _blobs.DownloadBlobAsync(_container, "missing.bin", destination)).ShouldBeFalse();
        (await _blobs.DownloadBlobAsync(TestBlobs.UniqueContainerName(), "missing.bin", destination)).ShouldBeFalse();
        destination.Length.ShouldBe(0);
    }
}
