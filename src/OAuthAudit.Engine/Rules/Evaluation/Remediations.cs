namespace OAuthAudit.Engine.Rules.Evaluation
{
    /// <summary>What to do about a finding when the baseline's rule does not say.</summary>
    internal static class Remediations
    {
        private const string Where = "Click Admin > Integrations > OAuth, open the client";

        public const string AddScope = Where + " and add the missing scope on the Scope tab.";
        public const string RemoveScope = Where + " and remove the scope on the Scope tab, or use its :readonly form if read access is enough.";
        public const string ReplaceUnknownScope = Where + " and remove the scope the registry no longer lists; pick its current replacement if the client still needs one.";
        public const string ShortenTokenLifetime = Where + " and lower Token Duration.";
        public const string FixRedirectUri = Where + " and replace the redirect URI with an https address on a host you control, without wildcards or localhost.";
        public const string ReviewState = Where + " and delete it if it is no longer used, or re-activate it if it is.";
        public const string AddRole = Where + " and, on the Roles tab, grant the missing role in the divisions the integration works in.";
        public const string RemoveRole = Where + " and, on the Roles tab, replace the role with one that holds only the permissions the integration needs.";
        public const string NarrowDivisions = Where + " and, on the Roles tab, grant the role only in the divisions the integration works in.";
        public const string RemoveUnknownGrant = Where + " and, on the Roles tab, remove the grant of the deleted role or division, then grant a current one if the integration still needs it.";
        public const string CleanText = Where + " and retype its name and description (and redirect URIs) without control characters, then find out who set them: they can forge lines on a console or in a log.";
        public const string RetireIdleClient = "Find out who owns the integration; if nothing uses the client any more, click Admin > Integrations > OAuth and delete it (or disable it first and delete it later), so that its secret is no longer good for anything.";
        public const string ReduceThrottling = "Have the integration's owner spread its requests out (fewer parallel calls, honour Retry-After, cache what it reads) or use the API's bulk and notification endpoints; a throttled integration misses data and delays the others sharing the organization's limits.";
        public const string RotateSecret = Where + ", regenerate its client secret, and give the new secret to the integration that uses it.";
        public const string ReadLongerHistory = "Read at least as many days of change history as the rule looks back (the audit trail keeps a year), then audit again.";
        public const string ReviewChange = "Confirm with whoever made the change that the wider roles or scopes were meant (Admin > Audit Viewer shows it), and narrow them again if not.";
        public const string WriteRule = "Add a rule to the baseline that applies to this client, or exempt it deliberately.";
        public const string None = "Nothing to do.";
    }
}
