using System.Text.Json;
using KubeBind.DevApiServer.Api;
using KubeBind.DevApiServer.Storage;

namespace KubeBind.DevApiServer.Bench;

/// <summary>Managed memory the store holds per object, measured in-process around a bulk load.</summary>
internal static class StoreMemoryBench
{
    public static Measurement Measure(int objects)
    {
        var resource = new GroupResource(string.Empty, "configmaps");
        var sample = ServerBench.ConfigMap("sample", "0");
        sample["metadata"]!["namespace"] = "bench";
        sample["metadata"]!["uid"] = Guid.NewGuid().ToString();
        var jsonSize = JsonSerializer.SerializeToUtf8Bytes(sample).Length;
        Console.WriteLine($"storing {objects} configmaps of ~{jsonSize} bytes of JSON in the store...");

        var store = new ObjectStore(historySize: 16);
        var before = Settle();
        for (var i = 0; i < objects; i++)
        {
            var obj = ServerBench.ConfigMap($"cm-{i}", i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            obj["metadata"]!["namespace"] = "bench";
            obj["metadata"]!["uid"] = Guid.NewGuid().ToString();
            store.Create(resource, obj);
        }

        _ = store.List(resource, "bench"); // include the sorted key index lists build
        var after = Settle();
        GC.KeepAlive(store);
        var perObject = (after - before) / (double)objects;
        Console.WriteLine($"{perObject:0} bytes per object for {jsonSize} bytes of JSON ({perObject / jsonSize:0.00}x)");
        return new Measurement("store memory per configmap", perObject, "B", 3.0 * jsonSize, HigherIsBetter: false);
    }

    private static long Settle()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
