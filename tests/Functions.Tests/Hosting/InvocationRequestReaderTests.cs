using System.Text.Json;
using KubeBind.Functions.Catalog;
using KubeBind.Functions.Hosting.CustomHandler;
using KubeBind.Functions.Tests.Support;

namespace KubeBind.Functions.Tests.Hosting;

public sealed class InvocationRequestReaderTests
{
    private static readonly QueueTrigger Trigger = (QueueTrigger)ScriptedQueueHandler.Definition.Trigger;

    [Theory]
    [InlineData("\"plain\"", "plain")]
    [InlineData("\"say \\\"hi\\\"\"", "say \"hi\"")]
    [InlineData("{\"a\":1}", "{\"a\":1}")]
    [InlineData("\"unterminated", "\"unterminated")]
    [InlineData("\"a\" \"b\"", "\"a\" \"b\"")]
    [InlineData("\"", "\"")]
    public void Unquote_UndoesOneJsonStringEncoding_OnlyWhenTheTextIsOneStringLiteral(string text, string expected)
    {
        Assert.Equal(expected, InvocationRequestReader.Unquote(text));
    }

    [Theory]
    [InlineData("{\"Data\": {\"message\": \"x\"}, \"Metadata\": {\"DequeueCount\": 4}}", 4)]
    [InlineData("{\"Data\": {\"message\": \"x\"}, \"Metadata\": {\"DequeueCount\": \"4\"}}", 4)]
    [InlineData("{\"data\": {\"Message\": \"x\"}, \"metadata\": {\"dequeueCount\": \"\\\"4\\\"\"}}", 4)]
    [InlineData("{\"Data\": {\"message\": \"x\"}}", 1)]
    public void ReadQueueInvocation_ReadsDequeueCount_InEachFormTheHostUses(string payload, long expected)
    {
        using var document = JsonDocument.Parse(payload);

        var invocation = InvocationRequestReader.ReadQueueInvocation(document.RootElement, ScriptedQueueHandler.Definition, Trigger);

        Assert.Equal(expected, invocation.DequeueCount);
        Assert.Equal("x", invocation.MessageText);
    }

    [Fact]
    public void ReadQueueInvocation_KeepsAQuotedMessageQuoted_WhenTheHostDoubleEncodedIt()
    {
        // The message text is the JSON string "hi" (with its quotes); the host encodes it twice.
        using var document = JsonDocument.Parse(JsonSerializer.Serialize(new { Data = new { message = JsonSerializer.Serialize("\"hi\"") } }));

        var invocation = InvocationRequestReader.ReadQueueInvocation(document.RootElement, ScriptedQueueHandler.Definition, Trigger);

        Assert.Equal("\"hi\"", invocation.MessageText);
    }
}
