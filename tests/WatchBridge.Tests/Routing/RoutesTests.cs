using KubeBind.Api;
using KubeBind.Api.Queues;
using KubeBind.Kubernetes.Models;
using KubeBind.WatchBridge.Routing;
using KubeBind.WatchBridge.Tests.Fakes;

namespace KubeBind.WatchBridge.Tests.Routing;

public sealed class RoutesTests
{
    private static readonly RoutingTable Table = Routes.Table;

    [Fact]
    public void Route_NamesTheRequestItself_WhenARequestChanges()
    {
        var request = Objects.Request("contract-a", "widgets", ("example.com", "widgets"));
        var caches = new InMemoryCaches().Add(Routes.ExportRequests, request);

        var items = Table.Route(new SourceEvent(Routes.ExportRequests, MessageEvents.Modified, request), caches);

        var item = Assert.Single(items);
        Assert.Equal(new QueueItem(ReconcileTargets.ExportRequests, new ObjectName("contract-a", "widgets")), item.Item);
    }

    [Fact]
    public void Route_NamesTheSameNamedRequest_WhenAnExportChanges()
    {
        // Upstream looked the export up as <ns>/<resource>.<group> and so never found the request (backend.md quirk 5).
        var export = Objects.Export("contract-a", "my-binding", "example.com", "widgets");

        var items = Table.Route(new SourceEvent(Routes.Exports, MessageEvents.Added, export), new InMemoryCaches());

        var item = Assert.Single(items);
        Assert.Equal(ReconcileTargets.ExportRequests, item.Item.Target);
        Assert.Equal(new ObjectName("contract-a", "my-binding"), item.Item.Object);
    }

    [Fact]
    public void Route_NamesOnlyRequestsOfItsNamespaceAskingForTheResource_WhenABoundSchemaChanges()
    {
        var asking = Objects.Request("contract-a", "asking", ("example.com", "widgets"), ("example.com", "gadgets"));
        var other = Objects.Request("contract-a", "other", ("example.com", "gadgets"));
        var elsewhere = Objects.Request("contract-b", "elsewhere", ("example.com", "widgets"));
        var caches = new InMemoryCaches().Add(Routes.ExportRequests, asking, other, elsewhere);
        var schema = Objects.BoundSchema("contract-a", "example.com", "widgets", "Widget");

        var items = Table.Route(new SourceEvent(Routes.BoundSchemas, MessageEvents.Modified, schema), caches);

        var item = Assert.Single(items);
        Assert.Equal(new ObjectName("contract-a", "asking"), item.Item.Object);
    }

    [Fact]
    public void Route_NamesRequestsOfEveryNamespace_WhenAnExportedCrdChanges()
    {
        var first = Objects.Request("contract-a", "first", ("example.com", "widgets"));
        var second = Objects.Request("contract-b", "second", ("example.com", "widgets"));
        var unrelated = Objects.Request("contract-b", "unrelated", ("example.com", "gadgets"));
        var caches = new InMemoryCaches().Add(Routes.ExportRequests, first, second, unrelated);
        var crd = Objects.Crd("example.com", "widgets", "Widget");

        var items = Table.Route(new SourceEvent(Routes.ExportedCrds, MessageEvents.Deleted, crd), caches);

        Assert.Equal(
            [new ObjectName("contract-a", "first"), new ObjectName("contract-b", "second")],
            items.Select(i => i.Item.Object).OrderBy(o => o.ToString(), StringComparer.Ordinal).ToList());
        Assert.All(items, i => Assert.Equal(ReconcileTargets.ExportRequests, i.Item.Target));
    }

    [Fact]
    public void Route_NamesNothing_WhenNoRequestNamesTheCrd()
    {
        var caches = new InMemoryCaches().Add(Routes.ExportRequests, Objects.Request("contract-a", "first", ("example.com", "widgets")));
        var crd = Objects.Crd("other.example.com", "widgets", "Widget");

        var items = Table.Route(new SourceEvent(Routes.ExportedCrds, MessageEvents.Added, crd), caches);

        Assert.Empty(items);
    }

    [Fact]
    public void Route_MatchesCoreResources_WhenTheGroupIsEmpty()
    {
        // BoundSchemas of the core group are named <resource>.core, as upstream's ResourceGroupName() writes them.
        var request = Objects.Request("contract-a", "maps", (string.Empty, "configmaps"));
        var caches = new InMemoryCaches().Add(Routes.ExportRequests, request);
        var schema = Objects.BoundSchema("contract-a", "core", "configmaps", "ConfigMap");

        var items = Table.Route(new SourceEvent(Routes.BoundSchemas, MessageEvents.Added, schema), caches);

        Assert.Equal(new ObjectName("contract-a", "maps"), Assert.Single(items).Item.Object);
    }

    [Fact]
    public void Route_NamesEachRequestOnce_WhenItListsTheResourceTwice()
    {
        var request = Objects.Request("contract-a", "twice", ("example.com", "widgets"), ("example.com", "widgets"));
        var caches = new InMemoryCaches().Add(Routes.ExportRequests, request);

        var items = Table.Route(new SourceEvent(Routes.ExportedCrds, MessageEvents.Added, Objects.Crd("example.com", "widgets", "Widget")), caches);

        Assert.Single(items);
    }

    [Fact]
    public void Route_CarriesTheChangeAsCause_WhenItRoutesToOtherObjects()
    {
        var request = Objects.Request("contract-a", "asking", ("example.com", "widgets"));
        var caches = new InMemoryCaches().Add(Routes.ExportRequests, request);
        var schema = Objects.BoundSchema("contract-a", "example.com", "widgets", "Widget") with
        {
            Metadata = new ObjectMeta { Namespace = "contract-a", Name = "widgets.example.com", ResourceVersion = "42" },
        };

        var cause = Assert.Single(Table.Route(new SourceEvent(Routes.BoundSchemas, MessageEvents.Deleted, schema), caches)).Cause;

        Assert.Equal(MessageEvents.Deleted, cause.Event);
        Assert.Equal("BoundSchema", cause.Kind);
        Assert.Equal("contract-a", cause.Namespace);
        Assert.Equal("widgets.example.com", cause.Name);
        Assert.Equal("42", cause.ResourceVersion);
    }

    [Fact]
    public void Resync_ListsEveryRequestWithResyncCause_AndNothingElse()
    {
        var caches = new InMemoryCaches()
            .Add(Routes.ExportRequests, Objects.Request("contract-a", "first", ("example.com", "widgets")), Objects.Request("contract-b", "second", ("example.com", "gadgets")))
            .Add(Routes.Exports, Objects.Export("contract-a", "orphan", "example.com", "widgets"))
            .Add(Routes.BoundSchemas, Objects.BoundSchema("contract-a", "example.com", "widgets", "Widget"));

        var items = Table.Resync(caches);

        Assert.Equal(
            [new ObjectName("contract-a", "first"), new ObjectName("contract-b", "second")],
            items.Select(i => i.Item.Object).OrderBy(o => o.ToString(), StringComparer.Ordinal).ToList());
        Assert.All(items, i => Assert.Equal(MessageEvents.Resync, i.Cause.Event));
        Assert.All(items, i => Assert.Equal("APIServiceExportRequest", i.Cause.Kind));
    }

    [Fact]
    public void Sources_AreTheRoutedKinds_WithTheExportedLabelOnCrds()
    {
        var sources = Table.Sources;

        Assert.Equal(["APIServiceExportRequest", "APIServiceExport", "BoundSchema", "CustomResourceDefinition"], sources.Select(s => s.Kind).ToList());
        Assert.Equal("kube-bind.io/exported=true", Routes.ExportedCrds.LabelSelector);
        Assert.All(sources.Take(3), s => Assert.Equal(new GroupVersionResource(Group.Name, Group.V1Alpha2, s.Resource.Resource), s.Resource));
    }
}
