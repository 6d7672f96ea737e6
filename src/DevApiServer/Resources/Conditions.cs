using System.Text.Json.Nodes;
using KubeBind.DevApiServer.Api;

namespace KubeBind.DevApiServer.Resources;

/// <summary>Builds a conditions list, keeping lastTransitionTime unless a condition's status really changed.</summary>
internal sealed class Conditions
{
    private readonly List<JsonObject> _items = [];
    private readonly string _now;

    public Conditions(JsonArray? existing, string now)
    {
        _now = now;
        foreach (var item in existing?.OfType<JsonObject>() ?? [])
        {
            _items.Add((JsonObject)item.DeepClone());
        }
    }

    public void Set(string type, string status, string reason, string message)
    {
        var existing = _items.FirstOrDefault(c => c.GetString("type") == type);
        var transition = existing is not null && existing.GetString("status") == status
            ? existing.GetString("lastTransitionTime") ?? _now
            : _now;
        var condition = new JsonObject
        {
            ["type"] = type,
            ["status"] = status,
            ["lastTransitionTime"] = transition,
            ["reason"] = reason,
            ["message"] = message,
        };
        if (existing is null)
        {
            _items.Add(condition);
        }
        else
        {
            _items[_items.IndexOf(existing)] = condition;
        }
    }

    public JsonArray ToJson() => new([.. _items.Select(c => (JsonNode?)c)]);
}
