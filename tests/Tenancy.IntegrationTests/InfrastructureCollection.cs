namespace Tenancy.IntegrationTests;

[CollectionDefinition(Name)]
public sealed class InfrastructureCollection : ICollectionFixture<TenancyApp>
{
    public const string Name = "infrastructure";
}
