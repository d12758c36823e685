using System;
using System.IO;
using System.Management.Automation;
using OAuthAudit.Commands;
using OAuthAudit.Engine.Connections;

namespace OAuthAudit.Validation
{
    /// <summary>
    /// Turns a path string, a file object (Get-ChildItem) or a GcContext into a SnapshotOrContext. Anything else passes
    /// through unchanged, so PowerShell refuses it naming the type it wanted (and pipeline input can still bind by
    /// property name, which a transformation that throws would prevent).
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class SnapshotOrContextTransformationAttribute : ArgumentTransformationAttribute
    {
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            return value switch
            {
                string path => new SnapshotOrContext(path),
                FileSystemInfo file => new SnapshotOrContext(file.FullName),
                GcContext context => new SnapshotOrContext(context),
                _ => inputData,
            };
        }
    }
}
