namespace KubeBind.DevApiServer.Storage;

internal enum WatchEventType
{
    Added,
    Modified,
    Deleted,
    Bookmark,
    Error,
}
