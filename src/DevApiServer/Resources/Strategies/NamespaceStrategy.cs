using System.Text.Json.Nodes;
using KubeBind.DevApiServer.Api;

namespace KubeBind.DevApiServer.Resources.Strategies;

/// <summary>
/// Namespaces: phase Active and the <c>kubernetes</c> finalizer on create; spec.finalizers change only through
/// <c>/finalize</c> and status only through <c>/status</c>, as in kube-apiserver.
/// </summary>
internal sealed class NamespaceStrategy : KnownFieldsStrategy
{
    public const string KubernetesFinalizer = "kubernetes";

    public NamespaceStrategy()
        : base("spec", "status")
    {
    }

    public override void PrepareForCreate(JsonObject obj, WriteContext context)
    {
        if (obj["spec"] is not JsonObject spec)
        {
            spec = [];
            obj["spec"] = spec;
        }

        if (!Meta.StringList(spec["finalizers"]).Contains(KubernetesFinalizer))
        {
            spec["finalizers"] = new JsonArray([.. Meta.StringList(spec["finalizers"]).Select(f => (JsonNode?)f), KubernetesFinalizer]);
        }

        obj["status"] = new JsonObject { ["phase"] = "Active" };
    }

    public override void PrepareForUpdate(JsonObject updated, JsonObject old, WriteContext context)
    {
        if (context.Subresource == "finalize")
        {
            var finalizers = (updated["spec"] as JsonObject)?["finalizers"]?.DeepClone();
            foreach (var (key, value) in old)
            {
                if (key != "metadata")
                {
                    updated[key] = value?.DeepClone();
                }
            }

            var spec = updated["spec"] as JsonObject ?? [];
            updated["spec"] = spec;
            spec["finalizers"] = finalizers;
            if (finalizers is null)
            {
                spec.Remove("finalizers");
            }

            return;
        }

        if (context.Subresource is null)
        {
            if (updated["spec"] is not JsonObject spec)
            {
                spec = [];
                updated["spec"] = spec;
            }

            spec["finalizers"] = (old["spec"] as JsonObject)?["finalizers"]?.DeepClone();
            if (spec["finalizers"] is null)
            {
                spec.Remove("finalizers");
            }
        }
    }
}
