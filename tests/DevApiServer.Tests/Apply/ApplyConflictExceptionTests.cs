using KubeBind.DevApiServer.Apply;

namespace KubeBind.DevApiServer.Tests.Apply;

public class ApplyConflictExceptionTests
{
    // Each conflict is "manager description|path".
    public static TheoryData<string[], string> Messages => new()
    {
        {
            ["\"kubectl-client-side-apply\" using v1|.data.key"],
            "Apply failed with 1 conflict: conflict with \"kubectl-client-side-apply\" using v1: .data.key"
        },
        {
            ["\"mgr\" using v1|.spec.a", "\"mgr\" using v1|.spec.b"],
            "Apply failed with 2 conflicts: conflicts with \"mgr\" using v1:\n- .spec.a\n- .spec.b"
        },
        {
            ["\"ctl\" with subresource \"status\" using v1|.status.phase"],
            "Apply failed with 1 conflict: conflict with \"ctl\" with subresource \"status\" using v1: .status.phase"
        },
        {
            ["\"a\"|.x", "\"b\" using apps/v1|.y", "\"b\" using apps/v1|.z"],
            "Apply failed with 3 conflicts: conflicts with \"a\":\n- .x\nconflicts with \"b\" using apps/v1:\n- .y\n- .z"
        },
    };

    [Theory]
    [MemberData(nameof(Messages))]
    public void Message_MatchesKubeApiServer_WhenBuiltFromConflicts(string[] conflicts, string expected)
    {
        var parsed = conflicts.Select(c => c.Split('|')).Select(p => new ApplyConflict("m", p[1]) { ManagerDescription = p[0] }).ToList();

        var exception = new ApplyConflictException(parsed);

        Assert.Equal(expected, exception.Message);
    }
}
