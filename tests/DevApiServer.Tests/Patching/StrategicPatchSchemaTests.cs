using KubeBind.DevApiServer.Patching;

namespace KubeBind.DevApiServer.Tests.Patching;

public class StrategicPatchSchemaTests
{
    public static TheoryData<string, string?, bool, bool> DeclaredFields => new()
    {
        { "metadata.ownerReferences", "uid", false, false },
        { "metadata.finalizers", null, true, false },
        { "spec.volumes", "name", false, true },
        { "spec.strategy", null, false, true },
        { "spec.containers.env", "name", false, false },
        { "spec", null, false, false },
        { "metadata.labels", null, false, false },
    };

    [Theory]
    [MemberData(nameof(DeclaredFields))]
    public void Find_ReturnsDeclaredStrategy_ForPath(string path, string? mergeKey, bool mergesPrimitives, bool retainsKeys)
    {
        var schema = StrategicMergePatchTests.KubernetesLike;

        var field = schema.Find(path);

        Assert.Equal(new StrategicPatchField(mergeKey, mergesPrimitives, retainsKeys), field);
    }

    [Fact]
    public void Root_WalksFieldNames_WhenLookingUpNestedLists()
    {
        var schema = StrategicPatchSchema.Empty.MergeList("spec.template.spec.containers", "name");

        var node = schema.Root.Child("spec")?.Child("template")?.Child("spec")?.Child("containers");

        Assert.NotNull(node);
        Assert.Equal("name", node.Field.MergeKey);
        Assert.Null(schema.Root.Child("containers"));
        Assert.False(schema.Root.Child("spec")!.Field.IsMergeList);
    }

    [Fact]
    public void MergeList_ReturnsNewSchema_WhenEmptyIsExtended()
    {
        var empty = StrategicPatchSchema.Empty;

        var extended = empty.MergeList("secrets", "name");

        Assert.NotSame(empty, extended);
        Assert.False(empty.Find("secrets").IsMergeList);
        Assert.Null(empty.Root.Child("secrets"));
        Assert.True(extended.Find("secrets").IsMergeList);
    }

    [Fact]
    public void MergePrimitiveList_ReplacesMergeKey_WhenDeclaredLater()
    {
        var schema = StrategicPatchSchema.Empty.MergeList("a", "name").RetainKeys("a");

        var changed = schema.MergePrimitiveList("a");

        Assert.Equal(new StrategicPatchField(null, true, true), changed.Find("a"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("spec..containers")]
    [InlineData(".spec")]
    public void MergeList_Throws_WhenPathHasAnEmptyFieldName(string path)
    {
        var schema = StrategicPatchSchema.Empty;

        var error = Record.Exception(() => schema.MergeList(path, "name"));

        Assert.IsType<ArgumentException>(error);
    }
}
