using System;
using System.Linq;
using OAuthAudit.Engine.Model;
using OAuthAudit.Engine.Rules;
using Xunit;

namespace OAuthAudit.Engine.Tests
{
    /// <summary>
    /// Redirect URIs written to slip past the localhost and wildcard checks, each read as a browser reads it
    /// (WHATWG URL standard), against a rule with every redirect demand on: the exact findings expected.
    /// </summary>
    public class RedirectUriAttackTests
    {
        private const string Localhost = nameof(FindingKind.LocalhostRedirectUri);
        private const string Wildcard = nameof(FindingKind.WildcardRedirectUri);
        private const string Insecure = nameof(FindingKind.InsecureRedirectUri);

        private static readonly Baseline AllDemands = Baselines.Parse(
            "apiVersion: oauthaudit/v1\nkind: Baseline\nmetadata: { name: test }\nspec:\n  rules:\n    - id: R-URI\n      description: d\n      severity: High\n"
            + "      redirectUris: { requireHttps: true, forbidWildcardHosts: true, forbidLocalhost: true }\n");

        public static TheoryData<string, string, string> Attacks => new TheoryData<string, string, string>
        {
            // safe controls
            { "an ordinary https host", "https://app.example.com/cb", "" },
            { "localhost as a label of a real domain", "https://localhost.example.com/", "" },
            { "a custom app scheme without authority", "com.example.app:/cb", "" },
            { "a custom app scheme with authority", "com.northwind.app://oauth/callback", "" },
            { "localhost only in the user info", "https://localhost@evil.example/cb", "" },
            { "localhost after a backslash, which ends the authority", "https://evil.example\\@localhost/cb", "" },
            { "an ordinary IPv4 address", "https://192.0.2.10/cb", "" },

            // localhost in disguise
            { "trailing dot on an IPv4 loopback", "https://127.0.0.1./", Localhost },
            { "trailing dot on localhost", "https://localhost./", Localhost },
            { "a subdomain of localhost", "https://foo.localhost/", Localhost },
            { "upper case", "https://LOCALHOST/", Localhost },
            { "fullwidth letters", "https://\uFF4C\uFF4F\uFF43\uFF41\uFF4C\uFF48\uFF4F\uFF53\uFF54/", Localhost },
            { "fullwidth capitals", "https://\uFF2C\uFF2F\uFF23\uFF21\uFF2C\uFF28\uFF2F\uFF33\uFF34/", Localhost },
            { "ideographic full stop as the trailing dot", "https://localhost\u3002/", Localhost },
            { "fullwidth full stop in a subdomain", "https://dev\uFF0Elocalhost/", Localhost },
            { "percent-encoded letters", "https://%6c%6f%63%61%6c%68%6f%73%74/", Localhost },
            { "percent-encoded fullwidth letters", "https://%EF%BD%8C%EF%BD%8F%EF%BD%83%EF%BD%81%EF%BD%8C%EF%BD%88%EF%BD%8F%EF%BD%93%EF%BD%94/", Localhost },
            { "a tab inside the host", "https://loc\talhost/", Localhost },
            { "a newline inside the host", "https://local\nhost/", Localhost },
            { "a carriage return inside the host", "https://127.0.\r0.1/", Localhost },
            { "leading and trailing spaces", "  https://localhost/  ", Localhost },
            { "0.0.0.0", "https://0.0.0.0/", Localhost },
            { "the single number 0", "https://0/", Localhost },
            { "IPv6 unspecified", "https://[::]/", Localhost },
            { "IPv6 loopback written out", "https://[0:0:0:0:0:0:0:1]:8443/cb", Localhost },
            { "IPv4-mapped IPv6 loopback", "https://[::ffff:127.0.0.1]/", Localhost },
            { "IPv4-mapped IPv6 loopback in hex", "https://[::ffff:7f00:1]/", Localhost },
            { "decimal IPv4", "https://2130706433/", Localhost },
            { "octal IPv4", "https://0177.0.0.1/", Localhost },
            { "hex IPv4", "https://0x7f.1/", Localhost },
            { "one hex number", "https://0x7F000001/", Localhost },
            { "shortened IPv4", "https://127.1/", Localhost },
            { "another address in 127/8", "https://127.42.0.9/", Localhost },
            { "backslashes for slashes", "https:\\\\localhost\\cb", Localhost },
            { "no slashes after the scheme", "https:localhost/cb", Localhost },
            { "many slashes after the scheme", "https:////localhost/cb", Localhost },
            { "user info before localhost", "https://evil.example@localhost/cb", Localhost },
            { "plain http to an IPv6 unspecified address", "http://[::]:80/", Insecure + "," + Localhost },

            // wildcards in disguise
            { "a plain wildcard", "https://*.example.com/cb", Wildcard },
            { "a percent-encoded wildcard", "https://%2a.example.com/cb", Wildcard },
            { "a fullwidth asterisk", "https://\uFF0A.example.com/cb", Wildcard },
            { "a wildcard host on a custom scheme", "com.example.app://*.example.com/cb", Wildcard },

            // http in disguise
            { "a tab inside the scheme", "ht\ttp://app.example.com/", Insecure },
            { "upper-case scheme", "HTTP://APP.example.com/cb", Insecure },

            // unreadable: a finding, never skipped
            { "no scheme", "not a uri", Insecure },
            { "empty", "", Insecure },
            { "no host", "https://", Insecure },
            { "a space in the host", "https://exa mple.com/", Insecure },
            { "a broken percent escape", "https://%zz.example.com/", Insecure },
            { "percent escapes that are not UTF-8", "https://%ff.example.com/", Insecure },
            { "a percent-encoded NUL", "https://exa%00mple.com/", Insecure },
            { "a percent-encoded tab", "https://loc%09alhost/", Insecure },
            { "a port out of range", "https://example.com:99999/", Insecure },
            { "a port that is not a number", "https://example.com:44x/", Insecure },
            { "five IPv4 parts", "https://1.2.3.4.5/", Insecure },
            { "an IPv4 part over 255", "https://256.256.256.256/", Insecure },
            { "an unclosed IPv6 bracket", "https://[::1/", Insecure },
            { "an IPv6 zone id", "https://[fe80::1%25eth0]/", Insecure },
            { "a character IDNA refuses", "https://ex\uFFFDample.com/", Insecure },
        };

        [Theory]
        [MemberData(nameof(Attacks))]
        public void Each_redirect_uri_gets_the_findings_a_browser_reading_it_calls_for(string attack, string uri, string kinds)
        {
            var client = new OAuthClient("client-id", "Client", GrantTypes.Code)
            {
                State = ClientStates.Active,
                RegisteredRedirectUri = ValueList.From(new[] { uri }),
            };

            var findings = new BaselineEvaluator(AllDemands, DateTime.UtcNow).Evaluate(client).Findings;

            Assert.True(kinds == string.Join(",", findings.Select(finding => finding.Kind.ToString())),
                $"{attack}: expected [{kinds}], got [{string.Join("; ", findings.Select(finding => finding.Message))}]");
        }

        [Fact]
        public void A_finding_on_a_disguised_host_says_how_a_browser_reads_it()
        {
            var client = new OAuthClient("client-id", "Client", GrantTypes.Code) { RegisteredRedirectUri = ValueList.From(new[] { "https://2130706433/cb" }) };

            var finding = Assert.Single(new BaselineEvaluator(AllDemands, DateTime.UtcNow).Evaluate(client).Findings);

            Assert.Equal("'Client' redirect URI 'https://2130706433/cb' points at localhost (a browser reads its host as '127.0.0.1'), a development setting that lets any local program receive the token.", finding.Message);
        }
    }
}
