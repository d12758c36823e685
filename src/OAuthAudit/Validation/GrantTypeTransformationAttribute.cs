using System;
using System.Collections;
using System.Linq;
using System.Management.Automation;
using OAuthAudit.Engine.Model;

namespace OAuthAudit.Validation
{
    /// <summary>
    /// Turns each grant type given in any case, or by its alias (SAML2BEARER), into the API's spelling
    /// (SAML2-BEARER) before ValidateSet checks it; anything else passes through for ValidateSet to refuse.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class GrantTypeTransformationAttribute : ArgumentTransformationAttribute
    {
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            return value switch
            {
                string text => GrantTypes.Canonical(text) ?? text,
                IEnumerable items => items.Cast<object?>().Select(item => Transform(engineIntrinsics, item)).ToArray(),
                _ => inputData,
            };
        }
    }
}
