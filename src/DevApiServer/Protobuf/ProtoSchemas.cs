namespace KubeBind.DevApiServer.Protobuf;

/// <summary>
/// The built-in messages kubectl's typed clients send as protobuf (field numbers from upstream generated.proto):
/// namespaces, ConfigMaps, Secrets, ServiceAccounts, events, leases, RBAC, TokenRequest and the review kinds.
/// </summary>
internal static class ProtoSchemas
{
    private static readonly ProtoMessage OwnerReference = new(
        "OwnerReference",
        S(5, "apiVersion"),
        S(1, "kind"),
        S(3, "name"),
        S(4, "uid"),
        new ProtoField(6, "controller", ProtoKind.Bool, Pointer: true),
        new ProtoField(7, "blockOwnerDeletion", ProtoKind.Bool, Pointer: true));

    private static readonly ProtoMessage ManagedFieldsEntry = new(
        "ManagedFieldsEntry",
        S(1, "manager"),
        S(2, "operation"),
        S(3, "apiVersion"),
        new ProtoField(4, "time", ProtoKind.Time),
        S(6, "fieldsType"),
        new ProtoField(7, "fieldsV1", ProtoKind.FieldsV1),
        S(8, "subresource"));

    private static readonly ProtoMessage ObjectMeta = new(
        "ObjectMeta",
        S(1, "name"),
        S(2, "generateName"),
        S(3, "namespace"),
        S(4, "selfLink"),
        S(5, "uid"),
        S(6, "resourceVersion"),
        new ProtoField(7, "generation", ProtoKind.Int64),
        new ProtoField(8, "creationTimestamp", ProtoKind.Time),
        new ProtoField(9, "deletionTimestamp", ProtoKind.Time),
        new ProtoField(10, "deletionGracePeriodSeconds", ProtoKind.Int64, Pointer: true),
        new ProtoField(11, "labels", ProtoKind.StringMap),
        new ProtoField(12, "annotations", ProtoKind.StringMap),
        M(13, "ownerReferences", () => OwnerReference, repeated: true),
        new ProtoField(14, "finalizers", ProtoKind.String, Repeated: true),
        M(17, "managedFields", () => ManagedFieldsEntry, repeated: true));

    private static readonly ProtoMessage LabelSelectorRequirement = new(
        "LabelSelectorRequirement", S(1, "key"), S(2, "operator"), Strings(3, "values"));

    private static readonly ProtoMessage LabelSelector = new(
        "LabelSelector",
        new ProtoField(1, "matchLabels", ProtoKind.StringMap),
        M(2, "matchExpressions", () => LabelSelectorRequirement, repeated: true));

    private static readonly ProtoMessage ObjectReference = new(
        "ObjectReference", S(1, "kind"), S(2, "namespace"), S(3, "name"), S(4, "uid"), S(5, "apiVersion"), S(6, "resourceVersion"), S(7, "fieldPath"));

    private static readonly ProtoMessage LocalObjectReference = new("LocalObjectReference", S(1, "name"));

    private static readonly ProtoMessage NamespaceCondition = new(
        "NamespaceCondition", S(1, "type"), S(2, "status"), new ProtoField(4, "lastTransitionTime", ProtoKind.Time), S(5, "reason"), S(6, "message"));

    private static readonly ProtoMessage PolicyRule = new(
        "PolicyRule", Strings(1, "verbs"), Strings(2, "apiGroups"), Strings(3, "resources"), Strings(4, "resourceNames"), Strings(5, "nonResourceURLs"));

    private static readonly ProtoMessage Subject = new("Subject", S(1, "kind"), S(2, "apiGroup"), S(3, "name"), S(4, "namespace"));

    private static readonly ProtoMessage RoleRef = new("RoleRef", S(1, "apiGroup"), S(2, "kind"), S(3, "name"));

    private static readonly ProtoMessage ResourceAttributes = new(
        "ResourceAttributes", S(1, "namespace"), S(2, "verb"), S(3, "group"), S(4, "version"), S(5, "resource"), S(6, "subresource"), S(7, "name"));

    private static readonly ProtoMessage NonResourceAttributes = new("NonResourceAttributes", S(1, "path"), S(2, "verb"));

    private static readonly ProtoMessage SubjectAccessReviewSpec = new(
        "SubjectAccessReviewSpec",
        M(1, "resourceAttributes", () => ResourceAttributes),
        M(2, "nonResourceAttributes", () => NonResourceAttributes),
        S(3, "user"),
        Strings(4, "groups"),
        new ProtoField(5, "extra", ProtoKind.ExtraMap),
        S(6, "uid"));

    private static readonly Dictionary<(string ApiVersion, string Kind), ProtoMessage> Messages = new()
    {
        [("v1", "Namespace")] = Object(
            "Namespace",
            M(2, "spec", () => new ProtoMessage("NamespaceSpec", Strings(1, "finalizers"))),
            M(3, "status", () => new ProtoMessage("NamespaceStatus", S(1, "phase"), M(2, "conditions", () => NamespaceCondition, repeated: true)))),
        [("v1", "ConfigMap")] = Object(
            "ConfigMap",
            new ProtoField(2, "data", ProtoKind.StringMap),
            new ProtoField(3, "binaryData", ProtoKind.BytesMap),
            new ProtoField(4, "immutable", ProtoKind.Bool, Pointer: true)),
        [("v1", "Secret")] = Object(
            "Secret",
            new ProtoField(2, "data", ProtoKind.BytesMap),
            S(3, "type"),
            new ProtoField(4, "stringData", ProtoKind.StringMap),
            new ProtoField(5, "immutable", ProtoKind.Bool, Pointer: true)),
        [("v1", "ServiceAccount")] = Object(
            "ServiceAccount",
            M(2, "secrets", () => ObjectReference, repeated: true),
            M(3, "imagePullSecrets", () => LocalObjectReference, repeated: true),
            new ProtoField(4, "automountServiceAccountToken", ProtoKind.Bool, Pointer: true)),
        [("v1", "Event")] = Object(
            "Event",
            M(2, "involvedObject", () => ObjectReference),
            S(3, "reason"),
            S(4, "message"),
            M(5, "source", () => new ProtoMessage("EventSource", S(1, "component"), S(2, "host"))),
            new ProtoField(6, "firstTimestamp", ProtoKind.Time),
            new ProtoField(7, "lastTimestamp", ProtoKind.Time),
            new ProtoField(8, "count", ProtoKind.Int32),
            S(9, "type"),
            new ProtoField(10, "eventTime", ProtoKind.MicroTime),
            M(11, "series", () => new ProtoMessage("EventSeries", new ProtoField(1, "count", ProtoKind.Int32), new ProtoField(2, "lastObservedTime", ProtoKind.MicroTime))),
            S(12, "action"),
            M(13, "related", () => ObjectReference),
            S(14, "reportingComponent"),
            S(15, "reportingInstance")),
        [("coordination.k8s.io/v1", "Lease")] = Object(
            "Lease",
            M(2, "spec", () => new ProtoMessage(
                "LeaseSpec",
                new ProtoField(1, "holderIdentity", ProtoKind.String, Pointer: true),
                new ProtoField(2, "leaseDurationSeconds", ProtoKind.Int32, Pointer: true),
                new ProtoField(3, "acquireTime", ProtoKind.MicroTime),
                new ProtoField(4, "renewTime", ProtoKind.MicroTime),
                new ProtoField(5, "leaseTransitions", ProtoKind.Int32, Pointer: true),
                new ProtoField(6, "strategy", ProtoKind.String, Pointer: true),
                new ProtoField(7, "preferredHolder", ProtoKind.String, Pointer: true)))),
        [("rbac.authorization.k8s.io/v1", "Role")] = Object("Role", M(2, "rules", () => PolicyRule, repeated: true)),
        [("rbac.authorization.k8s.io/v1", "ClusterRole")] = Object(
            "ClusterRole",
            M(2, "rules", () => PolicyRule, repeated: true),
            M(3, "aggregationRule", () => new ProtoMessage("AggregationRule", M(1, "clusterRoleSelectors", () => LabelSelector, repeated: true)))),
        [("rbac.authorization.k8s.io/v1", "RoleBinding")] = Object("RoleBinding", M(2, "subjects", () => Subject, repeated: true), M(3, "roleRef", () => RoleRef)),
        [("rbac.authorization.k8s.io/v1", "ClusterRoleBinding")] = Object("ClusterRoleBinding", M(2, "subjects", () => Subject, repeated: true), M(3, "roleRef", () => RoleRef)),
        [("authentication.k8s.io/v1", "TokenRequest")] = Object(
            "TokenRequest",
            M(2, "spec", () => new ProtoMessage(
                "TokenRequestSpec",
                Strings(1, "audiences"),
                M(3, "boundObjectRef", () => new ProtoMessage("BoundObjectReference", S(1, "kind"), S(2, "apiVersion"), S(3, "name"), S(4, "uid"))),
                new ProtoField(4, "expirationSeconds", ProtoKind.Int64, Pointer: true)))),
        [("authentication.k8s.io/v1", "TokenReview")] = Object(
            "TokenReview",
            M(2, "spec", () => new ProtoMessage("TokenReviewSpec", S(1, "token"), Strings(2, "audiences")))),
        [("authentication.k8s.io/v1", "SelfSubjectReview")] = Object("SelfSubjectReview"),
        [("authorization.k8s.io/v1", "SelfSubjectAccessReview")] = Object(
            "SelfSubjectAccessReview",
            M(2, "spec", () => new ProtoMessage(
                "SelfSubjectAccessReviewSpec",
                M(1, "resourceAttributes", () => ResourceAttributes),
                M(2, "nonResourceAttributes", () => NonResourceAttributes)))),
        [("authorization.k8s.io/v1", "SubjectAccessReview")] = Object("SubjectAccessReview", M(2, "spec", () => SubjectAccessReviewSpec)),
        [("authorization.k8s.io/v1", "LocalSubjectAccessReview")] = Object("LocalSubjectAccessReview", M(2, "spec", () => SubjectAccessReviewSpec)),
        [("authorization.k8s.io/v1", "SelfSubjectRulesReview")] = Object(
            "SelfSubjectRulesReview",
            M(2, "spec", () => new ProtoMessage("SelfSubjectRulesReviewSpec", S(1, "namespace")))),
    };

    /// <summary>The layout of a top-level kind, or null when DevApiServer does not decode it from protobuf.</summary>
    public static ProtoMessage? Find(string apiVersion, string kind) => Messages.GetValueOrDefault((apiVersion, kind));

    private static ProtoMessage Object(string name, params ProtoField[] fields) =>
        new(name, [M(1, "metadata", () => ObjectMeta), .. fields]);

    private static ProtoField S(int number, string name) => new(number, name, ProtoKind.String);

    private static ProtoField Strings(int number, string name) => new(number, name, ProtoKind.String, Repeated: true);

    private static ProtoField M(int number, string name, Func<ProtoMessage> message, bool repeated = false) =>
        new(number, name, ProtoKind.Message, Repeated: repeated, Message: message);
}
