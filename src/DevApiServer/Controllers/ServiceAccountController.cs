using System.Text;
using System.Text.Json.Nodes;
using KubeBind.DevApiServer.Api;
using KubeBind.DevApiServer.Registry;
using KubeBind.DevApiServer.Resources.Strategies;
using KubeBind.DevApiServer.Storage;

namespace KubeBind.DevApiServer.Controllers;

/// <summary>
/// A <c>default</c> ServiceAccount in every namespace, and the token controller: Secrets of type
/// <c>kubernetes.io/service-account-token</c> get <c>token</c>, <c>ca.crt</c> and <c>namespace</c>; they are deleted
/// with their ServiceAccount.
/// </summary>
internal sealed class ServiceAccountController(ControllerContext context) : FullPassController
{
    protected override void FullPass()
    {
        foreach (var ns in context.Store.List(WellKnown.Namespaces, null).Items)
        {
            EnsureDefault(ns.Name);
        }

        foreach (var secret in context.Store.List(WellKnown.Secrets, null).Items)
        {
            Fill(secret);
        }
    }

    protected override void Handle(StoreEvent change)
    {
        var obj = change.Object!;
        if (obj.Resource == WellKnown.Namespaces && change.Type == WatchEventType.Added)
        {
            EnsureDefault(obj.Name);
        }
        else if (obj.Resource == WellKnown.ServiceAccounts)
        {
            if (change.Type == WatchEventType.Deleted && obj.Name == "default")
            {
                EnsureDefault(obj.Namespace);
            }

            foreach (var secret in TokenSecrets(obj.Namespace, obj.Name))
            {
                if (change.Type == WatchEventType.Deleted)
                {
                    context.DeleteQuietly(secret);
                }
                else
                {
                    Fill(secret);
                }
            }
        }
        else if (obj.Resource == WellKnown.Secrets && change.Type != WatchEventType.Deleted)
        {
            Fill(obj);
        }
    }

    private void EnsureDefault(string ns)
    {
        var namespaceObject = context.Store.Get(WellKnown.Namespaces, null, ns);
        if (namespaceObject is null || namespaceObject.Deleting || context.Store.Get(WellKnown.ServiceAccounts, ns, "default") is not null)
        {
            return;
        }

        var type = context.TypeOf(WellKnown.ServiceAccounts)!;
        try
        {
            context.Objects.Create(type, ns, new JsonObject
            {
                ["apiVersion"] = "v1",
                ["kind"] = "ServiceAccount",
                ["metadata"] = new JsonObject { ["name"] = "default", ["namespace"] = ns },
            }, WriteOptions.System);
        }
        catch (ApiException e) when (e.Reason is "AlreadyExists" or "NotFound" or "Forbidden")
        {
            // Created meanwhile, or the namespace is going away.
        }
    }

    private IEnumerable<StoredObject> TokenSecrets(string ns, string serviceAccount) =>
        context.Store.List(WellKnown.Secrets, ns).Items.Where(s =>
            s.ToJsonObject() is var secret &&
            secret.GetString("type") == SecretStrategy.ServiceAccountTokenType &&
            secret.Annotations().GetValueOrDefault(SecretStrategy.ServiceAccountNameAnnotation) == serviceAccount);

    private void Fill(StoredObject stored)
    {
        var secret = stored.ToJsonObject();
        if (stored.Deleting || secret.GetString("type") != SecretStrategy.ServiceAccountTokenType)
        {
            return;
        }

        var accountName = secret.Annotations().GetValueOrDefault(SecretStrategy.ServiceAccountNameAnnotation) ?? string.Empty;
        var account = context.Store.Get(WellKnown.ServiceAccounts, stored.Namespace, accountName);
        var data = secret["data"] as JsonObject;
        if (account is null || (data?.GetString("token") is { Length: > 0 } && secret.Annotations().GetValueOrDefault(SecretStrategy.ServiceAccountUidAnnotation) == account.Uid))
        {
            return;
        }

        var token = context.Services.Tokens.IssueLegacy(stored.Namespace, accountName, account.Uid, stored.Name);
        context.Mutate(stored, live =>
        {
            var annotations = live.Metadata()["annotations"] as JsonObject ?? [];
            live.Metadata()["annotations"] = annotations;
            annotations[SecretStrategy.ServiceAccountUidAnnotation] = account.Uid;
            var liveData = live["data"] as JsonObject ?? [];
            live["data"] = liveData;
            liveData["token"] = Base64(token);
            liveData["ca.crt"] = Base64(context.Services.Identity.CaPem);
            liveData["namespace"] = Base64(stored.Namespace);
        });
    }

    private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));
}
