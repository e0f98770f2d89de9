using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using BuildingBlocks.BlobStorage;
using TestInfrastructure;

namespace BuildingBlocks.IntegrationTests.BlobStorage;

[Collection(InfrastructureCollection.Name)]
public sealed class AuthorizingRequests(InfrastructureFixture infra)
{
    readonly BlobConnection _connection = BlobConnection.Parse(infra.BlobConnectionString);

    [Fact]
    public async Task pings_the_service_with_the_right_key()
    {
        await new BlobStorageClient(_connection).PingAsync();
    }

    [Fact]
    public async Task refuses_a_request_signed_with_the_wrong_key_without_retrying_it()
    {
        var wrongKey = Convert.ToBase64String(TestBlobs.RandomContent(64));
        var impostor = new BlobStorageClient(new BlobConnection(_connection.AccountName, wrongKey, _connection.BlobEndpoint));
        var elapsed = Stopwatch.StartNew();

        var failure = await Should.ThrowAsync<BlobStorageException>(() => impostor.PingAsync());

        failure.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        failure.ErrorCode.ShouldNotBeNullOrEmpty();
        failure.Message.ShouldContain("403");
        failure.Message.ShouldContain(failure.ErrorCode!);
        elapsed.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task refuses_an_upload_signed_with_the_wrong_key()
    {
        var wrongKey = Convert.ToBase64String(TestBlobs.RandomContent(64));
        var impostor = new BlobStorageClient(new BlobConnection(_connection.AccountName, wrongKey, _connection.BlobEndpoint));

        var failure = await Should.ThrowAsync<BlobStorageException>(
            () => impostor.PutBlobAsync(TestBlobs.UniqueContainerName(), "x", TestBlobs.RandomContent(10)));

        failure.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task gives_up_on_an_endpoint_that_refuses_connections_after_retrying()
    {
        var unreachable = new BlobConnection(_connection.AccountName, Convert.ToBase64String(TestBlobs.RandomContent(64)),
            new Uri($"http://127.0.0.1:{UnusedPort()}/{_connection.AccountName}"));
        var elapsed = Stopwatch.StartNew();

        await Should.ThrowAsync<HttpRequestException>(() => new BlobStorageClient(unreachable).PingAsync());

        // Three backoffs of roughly 0.2 s, 0.4 s and 0.8 s show that the failure was retried.
        elapsed.Elapsed.ShouldBeGreaterThan(TimeSpan.FromSeconds(1));
    }

    static int UnusedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
