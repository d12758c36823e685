using System;
using System.Management.Automation;

namespace OAuthAudit.Validation
{
    /// <summary>
    /// Refuses blank text (empty or only white space) and text longer than any real value could be, with a
    /// message saying which; applies to each item of an array argument.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class ValidateTextAttribute : ValidateEnumeratedArgumentsAttribute
    {
        public ValidateTextAttribute(int maxLength)
        {
            MaxLength = maxLength;
        }

        public int MaxLength { get; }

        protected override void ValidateElement(object element)
        {
            var text = element as string ?? element?.ToString();
            if (string.IsNullOrWhiteSpace(text))
            {
                throw new ValidationMetadataException("The value is empty or only white space; give a value.");
            }

            if (text!.Length > MaxLength)
            {
                throw new ValidationMetadataException($"The value is {text.Length} characters long; the most this parameter takes is {MaxLength}.");
            }
        }
    }
}
