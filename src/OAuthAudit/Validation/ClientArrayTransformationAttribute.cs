using System;
using System.Management.Automation;
using OAuthAudit.Engine.Model;

namespace OAuthAudit.Validation
{
    /// <summary>
    /// Hands a single OAuthClient (each piped one) to an OAuthClient[] parameter as a one-element array. PowerShell
    /// would build the same array itself, but only after its slower collection-encoding path, for every piped
    /// object; anything else (an array, $null, a string) passes through unchanged for the usual binding and errors.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class ClientArrayTransformationAttribute : ArgumentTransformationAttribute
    {
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData) =>
            (inputData is PSObject wrapped ? wrapped.BaseObject : inputData) is OAuthClient client ? new[] { client } : inputData;
    }
}
