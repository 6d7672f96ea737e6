using KubeBind.DevApiServer.Json;

namespace KubeBind.DevApiServer.Apply;

/// <summary>One field an apply would change that another manager owns.</summary>
/// <param name="Manager">The other manager's name.</param>
/// <param name="Path">The field in SMD's string form, e.g. <c>.spec.containers[name="nginx"].image</c>.</param>
internal sealed record ApplyConflict(string Manager, string Path)
{
    /// <summary>Gets how kube-apiserver names the manager: <c>"kubectl" using v1</c> for updaters, <c>"mgr"</c> for appliers.</summary>
    /// <remarks>A Status cause for this conflict reads <c>conflict with {ManagerDescription}</c>, with <see cref="Path"/> as its field.</remarks>
    public string ManagerDescription { get; init; } = GoText.Quote(Manager);
}
