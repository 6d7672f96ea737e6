using KubeBind.DevApiServer.Storage;

namespace KubeBind.DevApiServer.Controllers;

/// <summary>
/// A controller whose recovery is a full pass: if handling a change fails, the next tick re-checks everything,
/// so one failed write is never forgotten.
/// </summary>
internal abstract class FullPassController : IController
{
    // Set while handling a change and left set when that failed.
    private bool _dirty;

    public void OnChange(StoreEvent change)
    {
        _dirty = true;
        Handle(change);
        _dirty = false;
    }

    public void Resync()
    {
        if (!_dirty)
        {
            return;
        }

        FullPass();
        _dirty = false;
    }

    protected abstract void Handle(StoreEvent change);

    protected abstract void FullPass();
}
