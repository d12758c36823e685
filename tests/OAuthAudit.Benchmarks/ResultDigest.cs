using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text;
using OAuthAudit.Engine.Rules;

namespace OAuthAudit.Benchmarks
{
    /// <summary>
    /// SHA-256 over everything a reader sees of a list of results, field by field in order (outcome, severity, rules,
    /// reason, every finding with its message, remediation and waiver), so two evaluations can be shown to agree exactly.
    /// </summary>
    public static class ResultDigest
    {
        public static string Of(IEnumerable<ClientAuditResult> results)
        {
            using var sha = SHA256.Create();
            var text = new StringBuilder();
            foreach (var result in results)
            {
                text.Clear();
                Field(text, result.ClientId, result.ClientName, result.Outcome.ToString(), result.Severity?.ToString(), result.MatchedRules.ToString(),
                    result.SkippedRules.ToString(), result.FailedRules.ToString(), result.MissingScopes.ToString(), result.ExcessiveScopes.ToString(),
                    result.ForbiddenScopes.ToString(), result.UnknownScopes.ToString(), result.Reason, result.WaivedCount.ToString(System.Globalization.CultureInfo.InvariantCulture));
                foreach (var finding in result.Findings)
                {
                    Field(text, finding.RuleId, finding.Severity.ToString(), finding.Kind.ToString(), finding.Subject, finding.Message, finding.Remediation,
                        finding.Waived ? "waived" : "open", finding.WaiverRationale, finding.WaiverExpiresOn?.ToString());
                }

                var bytes = Encoding.UTF8.GetBytes(text.ToString());
                sha.TransformBlock(bytes, 0, bytes.Length, null, 0);
            }

            sha.TransformFinalBlock(Array.Empty<byte>(), 0, 0);
            return Convert.ToHexString(sha.Hash!).ToLowerInvariant();
        }

        private static void Field(StringBuilder text, params string?[] values)
        {
            foreach (var value in values)
            {
                text.Append(value?.Length ?? -1).Append(':').Append(value).Append('|');
            }

            text.Append('\n');
        }
    }
}
