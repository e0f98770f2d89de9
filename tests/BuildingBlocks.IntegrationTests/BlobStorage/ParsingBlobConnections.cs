using BuildingBlocks.BlobStorage;

namespace BuildingBlocks.IntegrationTests.BlobStorage;

public sealed class ParsingBlobConnections
{
    const string DevelopmentKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    [Fact]
    public void reads_an_explicit_blob_endpoint()
    {
        var connection = BlobConnection.Parse(
            $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={DevelopmentKey};BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;");

        connection.AccountName.ShouldBe("devstoreaccount1");
        connection.BlobEndpoint.ShouldBe(new Uri("http://127.0.0.1:10000/devstoreaccount1"));
    }

    [Fact]
    public void reads_development_storage_as_the_local_emulator()
    {
        var connection = BlobConnection.Parse("UseDevelopmentStorage=true");

        connection.AccountName.ShouldBe("devstoreaccount1");
        connection.BlobEndpoint.ShouldBe(new Uri("http://127.0.0.1:10000/devstoreaccount1"));
    }

    [Fact]
    public void derives_the_endpoint_of_a_cloud_account()
    {
        var connection = BlobConnection.Parse($"DefaultEndpointsProtocol=https;AccountName=logs;AccountKey={DevelopmentKey};EndpointSuffix=core.windows.net");

        connection.BlobEndpoint.ShouldBe(new Uri("https://logs.blob.core.windows.net"));
    }

    [Fact]
    public void ignores_the_case_of_names_and_a_trailing_slash_on_the_endpoint()
    {
        var connection = BlobConnection.Parse($"accountname=a1;accountkey={DevelopmentKey};blobendpoint=http://localhost:1/a1/");

        connection.BlobEndpoint.ShouldBe(new Uri("http://localhost:1/a1"));
    }

    [Theory]
    [InlineData("AccountKey=" + DevelopmentKey + ";BlobEndpoint=http://h/a", "AccountName")]
    [InlineData("AccountName=a;BlobEndpoint=http://h/a", "AccountKey")]
    [InlineData("AccountName=a;AccountKey=;BlobEndpoint=http://h/a", "AccountKey")]
    [InlineData("AccountName=a;AccountKey=not base64!;BlobEndpoint=http://h/a", "AccountKey")]
    [InlineData("AccountName=a;AccountKey=" + DevelopmentKey + ";BlobEndpoint=ftp://h/a", "BlobEndpoint")]
    [InlineData("UseDevelopmentStorage=false", "AccountName")]
    public void names_the_missing_or_broken_part(string connectionString, string part)
    {
        Should.Throw<FormatException>(() => BlobConnection.Parse(connectionString)).Message.ShouldContain(part);
    }

    [Fact]
    public void keeps_the_key_out_of_messages_and_text()
    {
        var failure = Should.Throw<FormatException>(() => BlobConnection.Parse($"AccountName=a;{DevelopmentKey}"));
        var connection = BlobConnection.Parse($"AccountName=a;AccountKey={DevelopmentKey};BlobEndpoint=http://h/a");

        failure.Message.ShouldNotContain(DevelopmentKey[..10]);
        connection.ToString().ShouldNotContain(DevelopmentKey[..10]);
    }
}
