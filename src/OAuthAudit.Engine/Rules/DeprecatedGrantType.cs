using System;
using System.Globalization;

namespace OAuthAudit.Engine.Rules
{
    /// <summary>
    /// A grant type Genesys Cloud is retiring: the day it stops working and how to move off it. The date
    /// comes from the baseline, so an administrator corrects it when Genesys announces another.
    /// </summary>
    public sealed class DeprecatedGrantType
    {
        public DeprecatedGrantType(string grantType, DateTime endOfLife, string migration)
        {
            GrantType = grantType;
            EndOfLife = DateTime.SpecifyKind(endOfLife.Date, DateTimeKind.Utc);
            Migration = migration;
        }

        /// <summary>As the API spells it (TOKEN, SAML2-BEARER, ...).</summary>
        public string GrantType { get; }

        /// <summary>The first day (UTC) the grant type no longer works.</summary>
        public DateTime EndOfLife { get; }

        /// <summary>What to move the integration to; the finding's remediation.</summary>
        public string Migration { get; }

        public bool HasEnded(DateTime now) => now.ToUniversalTime().Date >= EndOfLife;

        public override string ToString() => $"{GrantType} ends {EndOfLife.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";
    }
}
