using KubeBind.DevApiServer.Storage;

namespace KubeBind.DevApiServer.Controllers;

/// <summary>A built-in controller: reacts to committed changes and re-checks pending work on a short tick.</summary>
internal interface IController
{
    void OnChange(StoreEvent change);

    /// <summary>
    /// Called on every short tick: retries work that was waiting on something else (dependents to vanish, finalizers to
    /// clear) or that failed. Must be cheap when nothing is pending.
    /// </summary>
    void Resync();
}
