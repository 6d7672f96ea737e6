using System.Text.Json.Nodes;
using KubeBind.DevApiServer.Api;

namespace KubeBind.DevApiServer.Auth;

/// <summary>One RBAC rule, parsed once and matched the way kube-apiserver's RBAC authorizer matches it.</summary>
internal sealed record PolicyRule(
    IReadOnlyList<string> Verbs,
    IReadOnlyList<string> ApiGroups,
    IReadOnlyList<string> Resources,
    IReadOnlyList<string> ResourceNames,
    IReadOnlyList<string> NonResourceUrls)
{
    public static PolicyRule FromJson(JsonObject rule) => new(
        Meta.StringList(rule["verbs"]),
        Meta.StringList(rule["apiGroups"]),
        Meta.StringList(rule["resources"]),
        Meta.StringList(rule["resourceNames"]),
        Meta.StringList(rule["nonResourceURLs"]));

    public bool Allows(RequestAttributes request)
    {
        if (!Verbs.Contains("*") && !Verbs.Contains(request.Verb))
        {
            return false;
        }

        if (!request.IsResourceRequest)
        {
            return NonResourceUrls.Any(url => url == "*" || url == request.Path || (url.EndsWith('*') && request.Path.StartsWith(url[..^1], StringComparison.Ordinal)));
        }

        if (!ApiGroups.Contains("*") && !ApiGroups.Contains(request.ApiGroup))
        {
            return false;
        }

        var combined = string.IsNullOrEmpty(request.Subresource) ? request.Resource : $"{request.Resource}/{request.Subresource}";
        var resourceMatches = Resources.Any(r =>
            r == "*" || r == combined ||
            (!string.IsNullOrEmpty(request.Subresource) && r == "*/" + request.Subresource));
        if (!resourceMatches)
        {
            return false;
        }

        return ResourceNames.Count == 0 || (!string.IsNullOrEmpty(request.Name) && ResourceNames.Contains(request.Name));
    }

    public JsonObject ToJson(bool resource)
    {
        static JsonArray Array(IReadOnlyList<string> values) => new([.. values.Select(v => (JsonNode?)v)]);
        var json = new JsonObject { ["verbs"] = Array(Verbs) };
        if (resource)
        {
            json["apiGroups"] = Array(ApiGroups);
            json["resources"] = Array(Resources);
            if (ResourceNames.Count > 0)
            {
                json["resourceNames"] = Array(ResourceNames);
            }
        }
        else
        {
            json["nonResourceURLs"] = Array(NonResourceUrls);
        }

        return json;
    }
}
