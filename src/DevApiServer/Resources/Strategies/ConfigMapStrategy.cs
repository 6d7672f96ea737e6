using System.Text.Json.Nodes;
using KubeBind.DevApiServer.Api;

namespace KubeBind.DevApiServer.Resources.Strategies;

internal sealed class ConfigMapStrategy : KnownFieldsStrategy
{
    public ConfigMapStrategy()
        : base("data", "binaryData", "immutable")
    {
    }

    public override IEnumerable<StatusCause> Validate(JsonObject obj, JsonObject? old, WriteContext context) =>
        DataKeys.ValidateKeys(obj, "data")
            .Concat(DataKeys.ValidateKeys(obj, "binaryData"))
            .Concat(DataKeys.ValidateImmutable(obj, old, "data", "binaryData"));
}
