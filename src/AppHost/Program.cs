using BuildingBlocks.DevHosting.AppModel;
using Contracts;

// The whole local stack. Ports are defaults: override with Ports__<name>=N (0 = any free port); set
// ConnectionStrings__<name> to use an existing PostgreSQL, Redis, Kafka or blob account instead of launching one.
var builder = DistributedApplication.CreateBuilder(args);

var postgres = builder.AddPostgres("postgres", port: 15432);
var redis = builder.AddRedis("redis", port: 15379);
var kafka = builder.AddKafka("kafka").WithTopics(Topics.All);
var blob = builder.AddAzurite("blob", port: 15010);
var operatorKey = builder.AddSecret("operator-key");

var tenancy = builder.AddProject("tenancy", "src/Tenancy", port: 15100)
    .WithReference(postgres).WithReference(kafka).WithReference(blob)
    .WithEnvironment("Platform__OperatorKey", operatorKey)
    .WithEnvironment("Tenancy__Onboarding__Mode", "open")
    .WaitFor(postgres).WaitFor(kafka).WaitFor(blob);

builder.AddProject("ingestion", "src/Ingestion", port: 15200)
    .WithReference(kafka).WithReference(redis).WithReference(tenancy)
    .WithEnvironment("Platform__OperatorKey", operatorKey)
    .WaitFor(kafka).WaitFor(redis).WaitFor(tenancy);

builder.AddProject("query", "src/Query", port: 15300)
    .WithReference(kafka).WithReference(redis).WithReference(blob).WithReference(tenancy)
    .WithEnvironment("Platform__OperatorKey", operatorKey)
    .WaitFor(kafka).WaitFor(redis).WaitFor(blob).WaitFor(tenancy);

builder.AddProject("processing", "src/Processing", port: 15400)
    .WithReference(kafka).WithReference(tenancy)
    .WithEnvironment("Platform__OperatorKey", operatorKey)
    .WaitFor(kafka).WaitFor(tenancy);

builder.Build().Run();
