using System.Text.Json.Nodes;
using KubeBind.DevApiServer.Api;
using KubeBind.DevApiServer.Registry;
using KubeBind.DevApiServer.Resources;
using KubeBind.DevApiServer.Storage;

namespace KubeBind.DevApiServer.Controllers;

/// <summary>What controllers share: the store for reads and the object service for writes as the controller manager.</summary>
internal sealed class ControllerContext(ApiServerServices services, ObjectService objects)
{
    public ApiServerServices Services { get; } = services;

    public ObjectService Objects { get; } = objects;

    public ObjectStore Store => Services.Store;

    public ResourceType? TypeOf(GroupResource resource) => Services.Registry.Current.Storage(resource);

    /// <summary>Deletes an object, treating "already gone" as success.</summary>
    public void DeleteQuietly(StoredObject obj, string? propagation = null)
    {
        var type = TypeOf(obj.Resource);
        if (type is null)
        {
            return;
        }

        try
        {
            Objects.Delete(type, Scope(type, obj), obj.Name, new DeleteOptions { PropagationPolicy = propagation }, WriteOptions.System);
        }
        catch (ApiException e) when (e.Code == System.Net.HttpStatusCode.NotFound)
        {
            // Someone else got there first.
        }
    }

    /// <summary>Read-modify-write of one object as the controller manager; false when the object is gone.</summary>
    public bool Mutate(StoredObject obj, Action<JsonObject> change, string? subresource = null)
    {
        var type = TypeOf(obj.Resource);
        if (type is null)
        {
            return false;
        }

        try
        {
            Objects.Patch(type, Scope(type, obj), obj.Name, subresource, WriteOptions.System, live =>
            {
                change(live);
                live.Metadata().Remove("resourceVersion");
                return live;
            });
            return true;
        }
        catch (ApiException e) when (e.Code == System.Net.HttpStatusCode.NotFound)
        {
            return false;
        }
    }

    private static string? Scope(ResourceType type, StoredObject obj) => type.Namespaced ? obj.Namespace : null;
}
