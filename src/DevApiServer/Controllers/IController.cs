using KubeBind.DevApiServer.Storage;

namespace KubeBind.DevApiServer.Controllers;

/// <summary>A built-in controller: reacts to committed changes and re-checks pending work on a short tick.</summary>
internal interface IController
{
    void OnChange(StoreEvent change);

    /// <summary>Retries work that was waiting on something else (dependents to vanish, finalizers to clear).</summary>
    void Resync();
}
