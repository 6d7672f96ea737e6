using KubeBind.DevApiServer.Api;
using KubeBind.DevApiServer.Apply;
using KubeBind.DevApiServer.Patching;
using KubeBind.DevApiServer.Schema;

namespace KubeBind.DevApiServer.Resources;

/// <summary>
/// One served group/version/resource: names, scope, verbs and subresources for discovery, plus how the
/// server treats its objects (schema, patch and apply semantics, strategy).
/// </summary>
internal sealed class ResourceType
{
    public static readonly IReadOnlyList<string> AllVerbs = ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"];

    public required string Group { get; init; }

    public required string Version { get; init; }

    /// <summary>The plural resource name used in URLs.</summary>
    public required string Resource { get; init; }

    public required string Kind { get; init; }

    public required string Singular { get; init; }

    public string ListKind { get; init; } = string.Empty;

    public bool Namespaced { get; init; }

    public IReadOnlyList<string> ShortNames { get; init; } = [];

    public IReadOnlyList<string> Categories { get; init; } = [];

    public IReadOnlyList<string> Verbs { get; init; } = AllVerbs;

    /// <summary>Subresources such as <c>status</c>, <c>token</c> or <c>finalize</c>.</summary>
    public IReadOnlyList<Subresource> Subresources { get; init; } = [];

    /// <summary>The version objects are stored in; reads through another version only rewrite apiVersion (conversion None).</summary>
    public string StorageVersion { get; init; } = string.Empty;

    /// <summary>True for CRs and CRDs: metadata.generation starts at 1 and bumps on non-metadata, non-status changes.</summary>
    public bool TracksGeneration { get; init; }

    /// <summary>False for CRs and CRDs: a PUT must carry metadata.resourceVersion (kube's AllowUnconditionalUpdate).</summary>
    public bool AllowUnconditionalUpdate { get; init; } = true;

    /// <summary>Only created (reviews): never stored, never listed.</summary>
    public bool CreateOnly { get; init; }

    public bool IsCustom { get; init; }

    /// <summary>False for a CRD's storage version that is not served: kept only so controllers can still reach its objects.</summary>
    public bool Served { get; init; } = true;

    public NameRule NameRule { get; init; } = NameRule.Subdomain;

    /// <summary>Structural schema of a custom resource version; null for built-ins.</summary>
    public StructuralSchema? Schema { get; init; }

    /// <summary>The raw openAPIV3Schema, served through OpenAPI v3 for kubectl.</summary>
    public System.Text.Json.Nodes.JsonObject? OpenApiSchema { get; init; }

    public ApplySchema ApplySchema { get; init; } = ApplySchema.Deduced;

    /// <summary>Strategic merge patch metadata; null when the type does not support it (custom resources).</summary>
    public StrategicPatchSchema? PatchSchema { get; init; }

    public IReadOnlyList<PrinterColumn> PrinterColumns { get; init; } = [];

    /// <summary>Field selector labels beyond metadata.name/namespace, mapped to the JSON path they read (e.g. events' involvedObject.name).</summary>
    public IReadOnlyDictionary<string, string> SelectableFields { get; init; } = new Dictionary<string, string>();

    public ResourceStrategy Strategy { get; init; } = ResourceStrategy.Default;

    public GroupResource GroupResource => new(Group, Resource);

    public string ApiVersion => string.IsNullOrEmpty(Group) ? Version : $"{Group}/{Version}";

    public bool HasStatus => Subresources.Any(s => s.Name == "status");

    public bool Supports(string verb) => Verbs.Contains(verb);

    public override string ToString() => $"{ApiVersion}, Resource={Resource}";
}
