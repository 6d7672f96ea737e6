using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using KubeBind.DevApiServer.Api;
using KubeBind.DevApiServer.Schema;
using KubeBind.DevApiServer.Validation;

namespace KubeBind.DevApiServer.Resources.Strategies;

/// <summary>
/// CustomResourceDefinitions: defaulting and validation of apiextensions.k8s.io/v1, the cleanup finalizer, and a
/// server-computed status (accepted names, NamesAccepted/Established/Terminating, storedVersions). DevApiServer
/// establishes a CRD within the write itself, so it is served at once.
/// </summary>
internal sealed partial class CrdStrategy : KnownFieldsStrategy
{
    public const string CleanupFinalizer = "customresourcecleanup.apiextensions.k8s.io";

    /// <summary>Groups under k8s.io and kubernetes.io need this annotation, as in kube-apiserver (KEP 1111).</summary>
    public const string ApprovalAnnotation = "api-approved.kubernetes.io";

    public CrdStrategy()
        : base("spec", "status")
    {
    }

    public override void PrepareForCreate(JsonObject obj, WriteContext context)
    {
        DefaultNames(obj);
        var finalizers = obj.Finalizers();
        if (!finalizers.Contains(CleanupFinalizer))
        {
            obj.SetFinalizers([.. finalizers, CleanupFinalizer]);
        }

        obj["status"] = ComputeStatus(obj, null, context);
    }

    public override void PrepareForUpdate(JsonObject updated, JsonObject old, WriteContext context)
    {
        DefaultNames(updated);
        updated["status"] = ComputeStatus(updated, old, context);
    }

    public override IEnumerable<StatusCause> Validate(JsonObject obj, JsonObject? old, WriteContext context)
    {
        var causes = new List<StatusCause>();
        if (obj["spec"] is not JsonObject spec)
        {
            causes.Add(StatusCause.Required("spec"));
            return causes;
        }

        var group = spec.GetString("group") ?? string.Empty;
        if (group.Length == 0)
        {
            causes.Add(StatusCause.Required("spec.group"));
        }
        else if (!group.Contains('.', StringComparison.Ordinal) || !Names.IsDnsSubdomain(group))
        {
            causes.Add(StatusCause.Invalid("spec.group", group, "should be a domain with at least one dot"));
        }

        var names = spec["names"] as JsonObject ?? [];
        var plural = names.GetString("plural") ?? string.Empty;
        var kind = names.GetString("kind") ?? string.Empty;
        if (plural.Length == 0)
        {
            causes.Add(StatusCause.Required("spec.names.plural"));
        }
        else if (!Names.IsDnsLabel(plural))
        {
            causes.Add(StatusCause.Invalid("spec.names.plural", plural, Names.DnsLabelMessage));
        }

        var singular = names.GetString("singular") ?? string.Empty;
        if (singular.Length > 0 && !Names.IsDnsLabel(singular))
        {
            causes.Add(StatusCause.Invalid("spec.names.singular", singular, Names.DnsLabelMessage));
        }

        if (kind.Length == 0)
        {
            causes.Add(StatusCause.Required("spec.names.kind"));
        }
        else if (!KindPattern().IsMatch(kind))
        {
            causes.Add(StatusCause.Invalid("spec.names.kind", kind, "may have mixed case, but should otherwise match: ^[a-z]([-a-z0-9]*[a-z0-9])?$"));
        }

        if (IsProtectedGroup(group) && !obj.Annotations().ContainsKey(ApprovalAnnotation))
        {
            causes.Add(StatusCause.Required(
                $"metadata.annotations[{ApprovalAnnotation}]",
                $"protected groups must have approval annotation \"{ApprovalAnnotation}\", see https://github.com/kubernetes/enhancements/pull/1111"));
        }

        if (context.Services.Registry.Current.All.Any(t => !t.IsCustom && t.Group == group && t.Resource == plural))
        {
            causes.Add(StatusCause.Invalid("spec.names.plural", plural, $"the server already serves {plural}.{group}"));
        }

        var name = obj.Name() ?? string.Empty;
        if (plural.Length > 0 && group.Length > 0 && name != $"{plural}.{group}")
        {
            causes.Add(StatusCause.Invalid("metadata.name", name, "must be spec.names.plural+\".\"+spec.group"));
        }

        var scope = spec.GetString("scope") ?? string.Empty;
        if (scope is not ("Namespaced" or "Cluster"))
        {
            causes.Add(StatusCause.NotSupported("spec.scope", scope, ["Cluster", "Namespaced"]));
        }

        if (old?["spec"] is JsonObject oldSpec)
        {
            if (oldSpec.GetString("scope") is { } oldScope && oldScope != scope)
            {
                causes.Add(StatusCause.Invalid("spec.scope", scope, "field is immutable"));
            }

            if (oldSpec.GetString("group") is { } oldGroup && oldGroup != group)
            {
                causes.Add(StatusCause.Invalid("spec.group", group, "field is immutable"));
            }
        }

        var conversion = (spec["conversion"] as JsonObject)?.GetString("strategy") ?? "None";
        if (conversion != "None")
        {
            causes.Add(StatusCause.NotSupported("spec.conversion.strategy", conversion, ["None"]));
        }

        causes.AddRange(ValidateVersions(spec));
        return causes;
    }

    private static List<StatusCause> ValidateVersions(JsonObject spec)
    {
        var causes = new List<StatusCause>();
        if (spec["versions"] is not JsonArray versions || versions.Count == 0)
        {
            causes.Add(StatusCause.Invalid("spec.versions", "null", "must have exactly one version marked as storage version"));
            return causes;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var storage = 0;
        for (var i = 0; i < versions.Count; i++)
        {
            var field = $"spec.versions[{i}]";
            if (versions[i] is not JsonObject version)
            {
                causes.Add(StatusCause.Invalid(field, versions[i]?.ToJsonString() ?? "null", "must be an object"));
                continue;
            }

            var name = version.GetString("name") ?? string.Empty;
            if (name.Length == 0)
            {
                causes.Add(StatusCause.Required($"{field}.name"));
            }
            else if (!Names.IsDnsLabel(name))
            {
                causes.Add(StatusCause.Invalid($"{field}.name", name, Names.DnsLabelMessage));
            }
            else if (!seen.Add(name))
            {
                causes.Add(StatusCause.Duplicate($"{field}.name", name));
            }

            if (version["storage"]?.GetValueKind() == System.Text.Json.JsonValueKind.True)
            {
                storage++;
            }

            if (version["schema"] is not JsonObject schemaHolder || schemaHolder["openAPIV3Schema"] is not JsonObject schema)
            {
                causes.Add(StatusCause.Required($"{field}.schema.openAPIV3Schema", "schemas are required"));
                continue;
            }

            foreach (var error in StructuralSchema.ValidateDefinition(schema, $"{field}.schema.openAPIV3Schema"))
            {
                causes.Add(new StatusCause(error.Reason, error.Message, error.Field));
            }
        }

        if (storage != 1)
        {
            causes.Add(StatusCause.Invalid("spec.versions", $"{storage}", "must have exactly one version marked as storage version"));
        }

        return causes;
    }

    private static bool IsProtectedGroup(string group) =>
        group is "k8s.io" or "kubernetes.io" || group.EndsWith(".k8s.io", StringComparison.Ordinal) || group.EndsWith(".kubernetes.io", StringComparison.Ordinal);

    /// <summary>Fills the defaults apiextensions.k8s.io/v1 applies: singular, listKind, conversion None.</summary>
    private static void DefaultNames(JsonObject crd)
    {
        if (crd["spec"] is not JsonObject spec)
        {
            return;
        }

        if (spec["names"] is JsonObject names && names.GetString("kind") is { Length: > 0 } kind)
        {
            if (string.IsNullOrEmpty(names.GetString("singular")))
            {
                names["singular"] = kind.ToLowerInvariant();
            }

            if (string.IsNullOrEmpty(names.GetString("listKind")))
            {
                names["listKind"] = kind + "List";
            }
        }

        if (spec["conversion"] is not JsonObject)
        {
            spec["conversion"] = new JsonObject { ["strategy"] = "None" };
        }
    }

    private static JsonObject ComputeStatus(JsonObject crd, JsonObject? old, WriteContext context)
    {
        var spec = crd["spec"] as JsonObject ?? [];
        var oldStatus = old?["status"] as JsonObject;
        var conflict = FindKindConflict(crd, context);
        var now = Meta.Timestamp(context.Now);
        var conditions = new Conditions(oldStatus?["conditions"] as JsonArray, now);
        if (conflict is null)
        {
            conditions.Set("NamesAccepted", "True", "NoConflicts", "no conflicts found");
            conditions.Set("Established", "True", "InitialNamesAccepted", "the initial names have been accepted");
        }
        else
        {
            conditions.Set("NamesAccepted", "False", "KindConflict", conflict);
            conditions.Set("Established", "False", "NotAccepted", "not all names are accepted");
        }

        if (crd.IsBeingDeleted())
        {
            conditions.Set("Terminating", "True", "InstanceDeletionInProgress", "CustomResource deletion is in progress");
        }

        var stored = Meta.StringList(oldStatus?["storedVersions"]).ToList();
        var storageVersion = (spec["versions"] as JsonArray)?.OfType<JsonObject>()
            .FirstOrDefault(v => v["storage"]?.GetValueKind() == System.Text.Json.JsonValueKind.True)?.GetString("name");
        if (storageVersion is not null && !stored.Contains(storageVersion))
        {
            stored.Add(storageVersion);
        }

        return new JsonObject
        {
            ["acceptedNames"] = conflict is null ? spec["names"]?.DeepClone() : oldStatus?["acceptedNames"]?.DeepClone() ?? new JsonObject { ["plural"] = string.Empty, ["kind"] = string.Empty },
            ["conditions"] = conditions.ToJson(),
            ["storedVersions"] = new JsonArray([.. stored.Select(v => (JsonNode?)v)]),
        };
    }

    private static string? FindKindConflict(JsonObject crd, WriteContext context)
    {
        var spec = crd["spec"] as JsonObject;
        var group = spec?.GetString("group");
        var kind = (spec?["names"] as JsonObject)?.GetString("kind");
        if (group is null || kind is null)
        {
            return null;
        }

        var crds = context.Services.Store.List(new GroupResource(BuiltInTypes.ApiExtensions, "customresourcedefinitions"), null).Items;
        foreach (var other in crds)
        {
            if (other.Name == crd.Name())
            {
                continue;
            }

            var otherSpec = other.ToJsonObject()["spec"] as JsonObject;
            if (otherSpec?.GetString("group") == group && ((otherSpec["names"] as JsonObject)?.GetString("kind")) == kind)
            {
                return $"\"{kind}\" is already in use";
            }
        }

        return null;
    }

    [GeneratedRegex("^[a-zA-Z]([-a-zA-Z0-9]*[a-zA-Z0-9])?$")]
    private static partial Regex KindPattern();
}
