using KubeBind.DevApiServer.Apply;
using KubeBind.DevApiServer.Patching;
using KubeBind.DevApiServer.Resources.Strategies;

namespace KubeBind.DevApiServer.Resources;

/// <summary>The built-in resources DevApiServer serves, with the names and verbs kube-apiserver's discovery reports.</summary>
internal static class BuiltInTypes
{
    private static readonly string[] NoDeleteCollection = ["create", "delete", "get", "list", "patch", "update", "watch"];
    private static readonly string[] CreateOnlyVerbs = ["create"];

    public const string Rbac = "rbac.authorization.k8s.io";
    public const string ApiExtensions = "apiextensions.k8s.io";
    public const string Authorization = "authorization.k8s.io";
    public const string Authentication = "authentication.k8s.io";
    public const string Coordination = "coordination.k8s.io";

    /// <summary>Strategic-merge metadata shared by every built-in: ObjectMeta's patch strategies.</summary>
    private static StrategicPatchSchema MetadataPatch => StrategicPatchSchema.Empty
        .MergeList("metadata.ownerReferences", "uid")
        .MergePrimitiveList("metadata.finalizers");

    public static IReadOnlyList<ResourceType> Create() =>
    [
        new()
        {
            Group = string.Empty, Version = "v1", Resource = "namespaces", Singular = "namespace", Kind = "Namespace", ListKind = "NamespaceList",
            ShortNames = ["ns"], Verbs = NoDeleteCollection, NameRule = NameRule.Label, PatchSchema = MetadataPatch,
            SelectableFields = Fields(("status.phase", ".status.phase")),
            Subresources = [new("status", "Namespace", ["get", "patch", "update"]), new("finalize", "Namespace", ["update"])],
            Strategy = new NamespaceStrategy(),
        },
        new()
        {
            Group = string.Empty, Version = "v1", Resource = "configmaps", Singular = "configmap", Kind = "ConfigMap", ListKind = "ConfigMapList",
            Namespaced = true, ShortNames = ["cm"], PatchSchema = MetadataPatch, Strategy = new ConfigMapStrategy(),
        },
        new()
        {
            Group = string.Empty, Version = "v1", Resource = "secrets", Singular = "secret", Kind = "Secret", ListKind = "SecretList",
            Namespaced = true, PatchSchema = MetadataPatch, Strategy = new SecretStrategy(),
            SelectableFields = Fields(("type", ".type")),
        },
        new()
        {
            Group = string.Empty, Version = "v1", Resource = "serviceaccounts", Singular = "serviceaccount", Kind = "ServiceAccount", ListKind = "ServiceAccountList",
            Namespaced = true, ShortNames = ["sa"],
            PatchSchema = MetadataPatch.MergeList("secrets", "name").MergeList("imagePullSecrets", "name"),
            ApplySchema = ApplySchema.Deduced.WithAssociativeList("secrets", "name").WithAssociativeList("imagePullSecrets", "name"),
            Subresources = [new("token", "TokenRequest", CreateOnlyVerbs, Authentication, "v1")],
            Strategy = new KnownFieldsStrategy("secrets", "imagePullSecrets", "automountServiceAccountToken"),
        },
        new()
        {
            Group = string.Empty, Version = "v1", Resource = "events", Singular = "event", Kind = "Event", ListKind = "EventList",
            Namespaced = true, ShortNames = ["ev"], PatchSchema = MetadataPatch,
            SelectableFields = Fields(
                ("involvedObject.kind", ".involvedObject.kind"),
                ("involvedObject.namespace", ".involvedObject.namespace"),
                ("involvedObject.name", ".involvedObject.name"),
                ("involvedObject.uid", ".involvedObject.uid"),
                ("involvedObject.apiVersion", ".involvedObject.apiVersion"),
                ("involvedObject.resourceVersion", ".involvedObject.resourceVersion"),
                ("involvedObject.fieldPath", ".involvedObject.fieldPath"),
                ("reason", ".reason"),
                ("reportingComponent", ".reportingComponent"),
                ("source", ".source.component"),
                ("type", ".type")),
            Strategy = new KnownFieldsStrategy(
                "involvedObject", "reason", "message", "source", "firstTimestamp", "lastTimestamp", "count", "type", "eventTime",
                "series", "action", "related", "reportingComponent", "reportingInstance"),
        },
        new()
        {
            Group = Coordination, Version = "v1", Resource = "leases", Singular = "lease", Kind = "Lease", ListKind = "LeaseList",
            Namespaced = true, PatchSchema = MetadataPatch, Strategy = new KnownFieldsStrategy("spec"),
        },
        new()
        {
            Group = Rbac, Version = "v1", Resource = "roles", Singular = "role", Kind = "Role", ListKind = "RoleList",
            Namespaced = true, NameRule = NameRule.PathSegment, PatchSchema = MetadataPatch, Strategy = new RoleStrategy(clusterScoped: false),
        },
        new()
        {
            Group = Rbac, Version = "v1", Resource = "clusterroles", Singular = "clusterrole", Kind = "ClusterRole", ListKind = "ClusterRoleList",
            NameRule = NameRule.PathSegment, PatchSchema = MetadataPatch, Strategy = new RoleStrategy(clusterScoped: true),
        },
        new()
        {
            Group = Rbac, Version = "v1", Resource = "rolebindings", Singular = "rolebinding", Kind = "RoleBinding", ListKind = "RoleBindingList",
            Namespaced = true, NameRule = NameRule.PathSegment, PatchSchema = MetadataPatch, Strategy = new RoleBindingStrategy(clusterScoped: false),
        },
        new()
        {
            Group = Rbac, Version = "v1", Resource = "clusterrolebindings", Singular = "clusterrolebinding", Kind = "ClusterRoleBinding", ListKind = "ClusterRoleBindingList",
            NameRule = NameRule.PathSegment, PatchSchema = MetadataPatch, Strategy = new RoleBindingStrategy(clusterScoped: true),
        },
        new()
        {
            Group = ApiExtensions, Version = "v1", Resource = "customresourcedefinitions", Singular = "customresourcedefinition",
            Kind = "CustomResourceDefinition", ListKind = "CustomResourceDefinitionList", ShortNames = ["crd", "crds"], Categories = ["api-extensions"],
            TracksGeneration = true, AllowUnconditionalUpdate = false, PatchSchema = MetadataPatch,
            ApplySchema = ApplySchema.Deduced.WithAssociativeList("spec.versions", "name"),
            Subresources = [new("status", "CustomResourceDefinition", ["get", "patch", "update"])],
            Strategy = new CrdStrategy(),
        },
        Review(Authorization, "subjectaccessreviews", "SubjectAccessReview", namespaced: false),
        Review(Authorization, "selfsubjectaccessreviews", "SelfSubjectAccessReview", namespaced: false),
        Review(Authorization, "selfsubjectrulesreviews", "SelfSubjectRulesReview", namespaced: false),
        Review(Authorization, "localsubjectaccessreviews", "LocalSubjectAccessReview", namespaced: true),
        Review(Authentication, "tokenreviews", "TokenReview", namespaced: false),
        Review(Authentication, "selfsubjectreviews", "SelfSubjectReview", namespaced: false),
    ];

    private static Dictionary<string, string> Fields(params (string Label, string Path)[] fields) =>
        fields.ToDictionary(f => f.Label, f => f.Path, StringComparer.Ordinal);

    private static ResourceType Review(string group, string resource, string kind, bool namespaced) => new()
    {
        Group = group,
        Version = "v1",
        Resource = resource,
        Singular = resource[..^1],
        Kind = kind,
        ListKind = kind + "List",
        Namespaced = namespaced,
        Verbs = CreateOnlyVerbs,
        CreateOnly = true,
    };
}
