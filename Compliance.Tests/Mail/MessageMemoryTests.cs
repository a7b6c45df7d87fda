using System.Runtime.CompilerServices;
using Compliance.Jobs.Mail.Mime;

namespace Compliance.Tests.Mail;

// A campaign builds one message per person with one factory: what the factory shares must not keep them alive.
public sealed class MessageMemoryTests
{
    [Fact]
    public void A_message_sent_and_disposed_is_not_kept_alive_by_the_sender_it_was_built_for()
    {
        var factory = new MessageFactory(Notices.Sender, "Haki Network", Notices.Clock);

        var built = BuildAndDispose(factory, 1);
        BuildAndDispose(factory, 2);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        Assert.False(built.IsAlive, "the first message is still reachable from the factory after it was disposed");
    }

    // Not inlined, so no local of the caller's frame holds the message.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference BuildAndDispose(MessageFactory factory, int i)
    {
        using var message = factory.Build(Notices.Numbered(i), new ReleaseGate(null));
        return new WeakReference(message);
    }
}
