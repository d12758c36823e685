using System.Collections.Generic;
using OAuthAudit.Engine.Model;
using OAuthAudit.Engine.Text;

namespace OAuthAudit.Engine.Rules.Evaluation
{
    /// <summary>
    /// Text the org controls that holds control or bidi format characters: terminal escapes (set-title, clipboard
    /// write, clear screen), CR/LF that forge a line, or reordered text. The subject is the field, so a waiver can name it.
    /// </summary>
    internal sealed class SuspiciousTextCheck : IRuleCheck
    {
        public IEnumerable<FindingDraft> Check(CheckContext context)
        {
            var client = context.Client;
            if (DisplayText.HasHiddenCharacters(client.Name))
            {
                yield return Draft(nameof(OAuthClient.Name), "name", client.Name);
            }

            if (DisplayText.HasHiddenCharacters(client.Description))
            {
                yield return Draft(nameof(OAuthClient.Description), "description", client.Description!);
            }

            foreach (var uri in client.RegisteredRedirectUri)
            {
                if (DisplayText.HasHiddenCharacters(uri))
                {
                    yield return Draft(nameof(OAuthClient.RegisteredRedirectUri), "redirect URI", uri);
                }
            }
        }

        private static FindingDraft Draft(string field, string what, string text) =>
            new FindingDraft(FindingKind.SuspiciousText, field,
                $"has control or format characters in its {what} ('{text}'), which can forge lines or send escape sequences to a terminal.", Remediations.CleanText);
    }
}
