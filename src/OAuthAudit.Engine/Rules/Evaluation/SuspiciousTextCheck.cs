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
        public void Check(CheckContext context)
        {
            var client = context.Client;
            if (DisplayText.HasHiddenCharacters(client.Name))
            {
                Found(context, nameof(OAuthClient.Name), "name", client.Name);
            }

            if (DisplayText.HasHiddenCharacters(client.Description))
            {
                Found(context, nameof(OAuthClient.Description), "description", client.Description!);
            }

            var uris = client.RegisteredRedirectUri;
            for (var index = 0; index < uris.Count; index++)
            {
                if (DisplayText.HasHiddenCharacters(uris[index]))
                {
                    Found(context, nameof(OAuthClient.RegisteredRedirectUri), "redirect URI", uris[index]);
                }
            }
        }

        private static void Found(CheckContext context, string field, string what, string text) =>
            context.Found(FindingKind.SuspiciousText, field,
                context.Named + "has control or format characters in its " + what + " ('" + text + "'), which can forge lines or send escape sequences to a terminal.", Remediations.CleanText);
    }
}
