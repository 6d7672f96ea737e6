namespace KubeBind.Api.V1Alpha2;

/// <summary>Phases of APIServiceExportRequest and BindableResourcesRequest.</summary>
public static class RequestPhase
{
    /// <summary>Not processed yet (default).</summary>
    public const string Pending = "Pending";

    /// <summary>Processing failed for good.</summary>
    public const string Failed = "Failed";

    /// <summary>Processing finished.</summary>
    public const string Succeeded = "Succeeded";
}
