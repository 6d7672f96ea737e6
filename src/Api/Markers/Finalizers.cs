namespace KubeBind.Api;

/// <summary>The finalizers kube-bind sets, spelled as on the wire.</summary>
public static class Finalizers
{
    /// <summary>Holds a synced consumer object until its provider copy is gone; upstream spells it without a dash.</summary>
    public const string Syncer = "kubebind.io/syncer";
}
