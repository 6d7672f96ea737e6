using System.Text;
using KubeBind.DevApiServer.Json;

namespace KubeBind.DevApiServer.Apply;

/// <summary>One decoded <c>metadata.managedFields</c> entry: a manager's identity and the fields it owns.</summary>
internal sealed class ManagedFieldsEntry
{
    /// <summary>The operation of server-side apply entries.</summary>
    public const string ApplyOperation = "Apply";

    /// <summary>The operation of every other write's entries.</summary>
    public const string UpdateOperation = "Update";

    /// <summary>Gets the manager name.</summary>
    public required string Manager { get; init; }

    /// <summary>Gets "Apply" or "Update".</summary>
    public required string Operation { get; init; }

    /// <summary>Gets or sets the group/version the fields were written with.</summary>
    public string? ApiVersion { get; set; }

    /// <summary>Gets or sets when the manager last changed the object.</summary>
    public DateTimeOffset? Time { get; set; }

    /// <summary>Gets the subresource written through, or null for the main resource.</summary>
    public string? Subresource { get; init; }

    /// <summary>Gets or sets the owned fields.</summary>
    public required FieldSet Fields { get; set; }

    /// <summary>Gets a value indicating whether this is an Apply entry.</summary>
    public bool IsApply => Operation == ApplyOperation;

    /// <summary>
    /// Gets kube-apiserver's manager identifier: manager, operation, subresource, and apiVersion for updaters only,
    /// so an applier keeps one entry across versions while updaters get one per version.
    /// </summary>
    public string Identifier
    {
        get
        {
            var builder = new StringBuilder("{\"manager\":");
            GoText.AppendJsonString(builder, Manager);
            builder.Append(",\"operation\":");
            GoText.AppendJsonString(builder, Operation);
            if (!IsApply && !string.IsNullOrEmpty(ApiVersion))
            {
                builder.Append(",\"apiVersion\":");
                GoText.AppendJsonString(builder, ApiVersion);
            }

            if (!string.IsNullOrEmpty(Subresource))
            {
                builder.Append(",\"subresource\":");
                GoText.AppendJsonString(builder, Subresource);
            }

            return builder.Append('}').ToString();
        }
    }

    /// <summary>Gets how conflict messages name this manager (kube-apiserver's printManager).</summary>
    public string Description
    {
        get
        {
            var text = GoText.Quote(Manager);
            if (!string.IsNullOrEmpty(Subresource))
            {
                text += " with subresource " + GoText.Quote(Subresource);
            }

            return IsApply ? text : $"{text} using {ApiVersion}";
        }
    }

    /// <summary>Returns whether this entry has the given identity.</summary>
    public bool Is(string manager, string operation, string apiVersion, string? subresource) =>
        Manager == manager &&
        Operation == operation &&
        (operation == ApplyOperation || ApiVersion == apiVersion) &&
        (Subresource ?? string.Empty) == (subresource ?? string.Empty);
}
