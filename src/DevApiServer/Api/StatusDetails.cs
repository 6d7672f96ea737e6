using System.Text.Json.Nodes;

namespace KubeBind.DevApiServer.Api;

/// <summary>The <c>details</c> of a Kubernetes <c>Status</c>.</summary>
internal sealed record StatusDetails
{
    public string? Name { get; init; }

    public string? Group { get; init; }

    public string? Kind { get; init; }

    public string? Uid { get; init; }

    public IReadOnlyList<StatusCause> Causes { get; init; } = [];

    // NotFound/AlreadyExists/Conflict/Forbidden name the resource (plural) in details.kind, like kube-apiserver.
    public static StatusDetails ForResource(GroupResource resource, string? name) =>
        new() { Name = string.IsNullOrEmpty(name) ? null : name, Group = string.IsNullOrEmpty(resource.Group) ? null : resource.Group, Kind = resource.Resource };

    public JsonObject ToJson()
    {
        var json = new JsonObject();
        if (!string.IsNullOrEmpty(Name))
        {
            json["name"] = Name;
        }

        if (!string.IsNullOrEmpty(Group))
        {
            json["group"] = Group;
        }

        if (!string.IsNullOrEmpty(Kind))
        {
            json["kind"] = Kind;
        }

        if (!string.IsNullOrEmpty(Uid))
        {
            json["uid"] = Uid;
        }

        if (Causes.Count > 0)
        {
            var causes = new JsonArray();
            foreach (var cause in Causes)
            {
                var c = new JsonObject { ["reason"] = cause.Reason, ["message"] = cause.Message };
                if (!string.IsNullOrEmpty(cause.Field))
                {
                    c["field"] = cause.Field;
                }

                causes.Add(c);
            }

            json["causes"] = causes;
        }

        return json;
    }
}
