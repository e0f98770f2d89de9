using System.Net;
using BuildingBlocks.BlobStorage;
using TestInfrastructure;

namespace BuildingBlocks.IntegrationTests.BlobStorage;

[Collection(InfrastructureCollection.Name)]
public sealed class ManagingContainers(InfrastructureFixture infra)
{
    readonly BlobStorageClient _blobs = new(BlobConnection.Parse(infra.BlobConnectionString));

    [Fact]
    public async Task creates_a_container_once_and_accepts_creating_it_again()
    {
        var container = TestBlobs.UniqueContainerName();

        (await _blobs.CreateContainerIfNotExistsAsync(container)).ShouldBeTrue();
        (await _blobs.CreateContainerIfNotExistsAsync(container)).ShouldBeFalse();

        await _blobs.DeleteContainerAsync(container);
    }

    [Fact]
    public async Task deletes_a_container_with_its_blobs_and_accepts_deleting_a_missing_one()
    {
        var container = TestBlobs.UniqueContainerName();
        await _blobs.CreateContainerIfNotExistsAsync(container);
        await _blobs.PutBlobAsync(container, "inside", TestBlobs.RandomContent(10));

        (await _blobs.DeleteContainerAsync(container)).ShouldBeTrue();
        (await _blobs.DeleteContainerAsync(container)).ShouldBeFalse();
        (await _blobs.GetBlobAsync(container, "inside")).ShouldBeNull();
    }

    [Fact]
    public async Task refuses_to_store_a_blob_in_a_container_that_does_not_exist()
    {
        var failure = await Should.ThrowAsync<BlobStorageException>(
            () => _blobs.PutBlobAsync(TestBlobs.UniqueContainerName(), "orphan", TestBlobs.RandomContent(10)));

        failure.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        failure.ErrorCode.ShouldBe("ContainerNotFound");
        failure.Message.ShouldContain("404");
        failure.Message.ShouldContain("ContainerNotFound");
    }

    [Fact]
    public async Task reports_the_service_error_code_for_an_invalid_container_name()
    {
        var failure = await Should.ThrowAsync<BlobStorageException>(() => _blobs.CreateContainerIfNotExistsAsync("Not_Valid"));

        failure.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        failure.ErrorCode.ShouldBe("InvalidResourceName");
    }
}
