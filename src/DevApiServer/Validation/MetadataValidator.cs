using System.Text.Json;
using System.Text.Json.Nodes;
using KubeBind.DevApiServer.Api;
using KubeBind.DevApiServer.Resources;

namespace KubeBind.DevApiServer.Validation;

/// <summary>ObjectMeta validation as kube-apiserver applies it to every type.</summary>
internal static class MetadataValidator
{
    private const int AnnotationsSizeLimit = 256 * 1024;

    public static readonly IReadOnlySet<string> KnownFields = new HashSet<string>(StringComparer.Ordinal)
    {
        "name", "generateName", "namespace", "selfLink", "uid", "resourceVersion", "generation", "creationTimestamp",
        "deletionTimestamp", "deletionGracePeriodSeconds", "labels", "annotations", "ownerReferences", "finalizers", "managedFields",
    };

    public static List<StatusCause> Validate(JsonObject obj, ResourceType type, JsonObject? old)
    {
        var causes = new List<StatusCause>();
        var metadata = obj["metadata"] as JsonObject ?? [];
        var name = metadata.GetString("name") ?? string.Empty;
        if (name.Length == 0)
        {
            causes.Add(StatusCause.Required("metadata.name", "name or generateName is required"));
        }
        else
        {
            foreach (var error in NameErrors(name, type.NameRule))
            {
                causes.Add(StatusCause.Invalid("metadata.name", name, error));
            }
        }

        if (metadata["labels"] is JsonNode labels)
        {
            ValidateStringMap(labels, "metadata.labels", causes, validateValue: true);
        }

        if (metadata["annotations"] is JsonNode annotations)
        {
            ValidateStringMap(annotations, "metadata.annotations", causes, validateValue: false);
            if (annotations.ToJsonString().Length > AnnotationsSizeLimit)
            {
                causes.Add(new StatusCause("FieldValueTooLong", "Too long: must have at most 262144 bytes", "metadata.annotations"));
            }
        }

        var finalizers = metadata["finalizers"];
        if (finalizers is not null and not JsonArray)
        {
            causes.Add(StatusCause.Invalid("metadata.finalizers", finalizers.ToJsonString(), "must be a list of strings"));
        }
        else
        {
            var list = Meta.StringList(finalizers);
            for (var i = 0; i < list.Count; i++)
            {
                foreach (var error in Names.QualifiedNameErrors(list[i]))
                {
                    causes.Add(StatusCause.Invalid($"metadata.finalizers[{i}]", list[i], error));
                }
            }

            if (old is not null && old.IsBeingDeleted())
            {
                var previous = old.Finalizers();
                foreach (var added in list.Where(f => !previous.Contains(f)))
                {
                    causes.Add(StatusCause.Forbidden("metadata.finalizers", $"no new finalizers can be added if the object is being deleted, found new finalizers []string{{\"{added}\"}}"));
                }
            }
        }

        ValidateOwnerReferences(metadata["ownerReferences"], causes);
        return causes;
    }

    public static IEnumerable<string> NameErrors(string name, NameRule rule) => rule switch
    {
        NameRule.Label => Names.IsDnsLabel(name) ? [] : [name.Length > 63 ? "must be no more than 63 characters" : Names.DnsLabelMessage],
        NameRule.PathSegment => Names.PathSegmentErrors(name),
        _ => Names.IsDnsSubdomain(name) ? [] : [name.Length > 253 ? "must be no more than 253 characters" : Names.DnsSubdomainMessage],
    };

    private static void ValidateStringMap(JsonNode node, string field, List<StatusCause> causes, bool validateValue)
    {
        if (node is not JsonObject map)
        {
            causes.Add(StatusCause.Invalid(field, node.ToJsonString(), "must be a map of strings"));
            return;
        }

        foreach (var (key, value) in map)
        {
            foreach (var error in Names.QualifiedNameErrors(key))
            {
                causes.Add(StatusCause.Invalid(field, key, error));
            }

            if (value is not JsonValue v || v.GetValueKind() != JsonValueKind.String)
            {
                causes.Add(StatusCause.Invalid($"{field}[{key}]", value?.ToJsonString() ?? "null", "must be a string"));
                continue;
            }

            if (validateValue)
            {
                var s = v.GetValue<string>();
                foreach (var error in Names.LabelValueErrors(s))
                {
                    causes.Add(StatusCause.Invalid(field, s, error));
                }
            }
        }
    }

    private static void ValidateOwnerReferences(JsonNode? node, List<StatusCause> causes)
    {
        if (node is null)
        {
            return;
        }

        if (node is not JsonArray owners)
        {
            causes.Add(StatusCause.Invalid("metadata.ownerReferences", node.ToJsonString(), "must be a list"));
            return;
        }

        var controllers = 0;
        for (var i = 0; i < owners.Count; i++)
        {
            var field = $"metadata.ownerReferences[{i}]";
            if (owners[i] is not JsonObject owner)
            {
                causes.Add(StatusCause.Invalid(field, owners[i]?.ToJsonString() ?? "null", "must be an object"));
                continue;
            }

            foreach (var required in new[] { "apiVersion", "kind", "name", "uid" })
            {
                if (string.IsNullOrEmpty(owner.GetString(required)))
                {
                    causes.Add(StatusCause.Invalid($"{field}.{required}", string.Empty, $"{required} must not be empty"));
                }
            }

            if (owner["controller"]?.GetValueKind() == JsonValueKind.True)
            {
                controllers++;
            }
        }

        if (controllers > 1)
        {
            causes.Add(StatusCause.Invalid("metadata.ownerReferences", owners.ToJsonString(), "Only one reference can have Controller set to true"));
        }
    }
}
