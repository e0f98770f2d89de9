using Contracts.Config;
using Tenancy.AlertRules;

namespace Tenancy.Tests.AlertRules;

static class AnAlertRule
{
    public static readonly AlertRuleDefinition ErrorSpike = new("Error spike", "level=error | count", "5m", new AlertThreshold(">", 100),
        "warning", [new AlertChannel("email", "ops@acme.example")]);

    public static readonly AlertRuleCreated Created = new("acme", "r1", ErrorSpike, Enabled: true);

    public static AlertRule Enabled => History.Of<AlertRule>(Created);
    public static AlertRule Disabled => History.Of<AlertRule>(Created, new AlertRuleDisabled("r1"));
    public static AlertRule Deleted => History.Of<AlertRule>(Created, new AlertRuleDeleted("r1"));
}
