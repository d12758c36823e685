using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;
using OAuthAudit.Engine.Connections;

namespace OAuthAudit.Hosting
{
    /// <summary>
    /// The current context of each runspace. Kept per runspace, not per process, so jobs that share a
    /// process (Azure Automation does this) never see each other's connection.
    /// </summary>
    internal static class SessionContexts
    {
        private sealed class Slot
        {
            public GcContext? Context;
        }

        private static readonly ConditionalWeakTable<object, Slot> Slots = new ConditionalWeakTable<object, Slot>();
        private static readonly object NoRunspace = new object();

        public static GcContext? Current
        {
            get => SlotOfThisRunspace().Context;
            set => SlotOfThisRunspace().Context = value;
        }

        private static Slot SlotOfThisRunspace() => Slots.GetOrCreateValue(Runspace.DefaultRunspace ?? NoRunspace);
    }
}
