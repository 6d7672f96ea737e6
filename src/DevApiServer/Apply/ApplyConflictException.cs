namespace KubeBind.DevApiServer.Apply;

/// <summary>An apply would change fields other managers own; the server answers 409 Conflict with this message.</summary>
internal sealed class ApplyConflictException : Exception
{
    public ApplyConflictException()
        : this([])
    {
    }

    public ApplyConflictException(string message)
        : base(message)
    {
        Conflicts = [];
    }

    public ApplyConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
        Conflicts = [];
    }

    /// <summary>Initializes the exception with kube-apiserver's message for the conflicts, in the order given.</summary>
    public ApplyConflictException(IReadOnlyList<ApplyConflict> conflicts)
        : base(FormatMessage(conflicts))
    {
        Conflicts = conflicts;
    }

    /// <summary>Gets the conflicting fields, grouped by manager.</summary>
    public IReadOnlyList<ApplyConflict> Conflicts { get; }

    /// <summary>Formats the message as kube-apiserver does: one line for a single conflict, else one group per manager.</summary>
    public static string FormatMessage(IReadOnlyList<ApplyConflict> conflicts)
    {
        ArgumentNullException.ThrowIfNull(conflicts);
        if (conflicts.Count == 1)
        {
            return $"Apply failed with 1 conflict: conflict with {conflicts[0].ManagerDescription}: {conflicts[0].Path}";
        }

        var lines = new List<string>();
        foreach (var group in conflicts.GroupBy(c => c.ManagerDescription))
        {
            lines.Add($"conflicts with {group.Key}:");
            lines.AddRange(group.Select(c => "- " + c.Path));
        }

        return $"Apply failed with {conflicts.Count} conflicts: {string.Join("\n", lines)}";
    }
}
