namespace KubeBind.Api.Queues;

/// <summary>
/// The Storage queues between the watch bridge and the functions, one per reconciler. Names follow the Storage rules
/// (3-63 lower-case letters, digits and single dashes) and leave room for the <c>-poison</c> suffix.
/// </summary>
public static class QueueNames
{
    /// <summary>APIServiceExportRequest keys, for the export-request reconciler.</summary>
    public const string ExportRequests = "kubebind-exportrequests";

    /// <summary>The poison queue the Functions host moves a message to after too many failed attempts.</summary>
    public static string Poison(string queueName) => queueName + "-poison";
}
