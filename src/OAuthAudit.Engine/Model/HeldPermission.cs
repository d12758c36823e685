using System.Linq;

namespace OAuthAudit.Engine.Model
{
    /// <summary>
    /// One domain:entity:action a role holds, and how: through a permission policy, only under the policy's
    /// resource condition, or through the legacy "admin" permission (which the API treats as all-powerful).
    /// </summary>
    internal sealed class HeldPermission
    {
        public const string LegacyAdmin = "admin";
        public const string All = "*:*:*";

        public HeldPermission(string text, bool isConditional, bool isLegacyAdmin = false)
        {
            Text = text;
            IsConditional = isConditional;
            IsLegacyAdmin = isLegacyAdmin;
            HasWildcard = text.Split(':').Contains("*");
        }

        public string Text { get; }

        /// <summary>Held only where the policy's resource condition holds; the audit cannot evaluate it, so it counts.</summary>
        public bool IsConditional { get; }

        public bool IsLegacyAdmin { get; }

        public bool HasWildcard { get; }

        /// <summary>The permission quoted, with how it is held when that is not a plain policy grant.</summary>
        public string Describe() =>
            $"'{Text}'"
            + (IsLegacyAdmin ? $" (from the legacy '{LegacyAdmin}' permission)" : string.Empty)
            + (IsConditional ? " (conditional)" : string.Empty);

        public override string ToString() => Text;
    }
}
