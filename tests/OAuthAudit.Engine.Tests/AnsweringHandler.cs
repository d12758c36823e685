using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace OAuthAudit.Engine.Tests
{
    /// <summary>An HTTP handler that answers (or throws) as a test says, with no network.</summary>
    internal sealed class AnsweringHandler : HttpMessageHandler
    {
        private readonly Func<HttpRequestMessage, HttpResponseMessage> _answer;

        public AnsweringHandler(Func<HttpRequestMessage, HttpResponseMessage> answer)
        {
            _answer = answer;
        }

        public AnsweringHandler(Func<HttpResponseMessage> answer)
            : this(_ => answer())
        {
        }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) => Task.FromResult(_answer(request));
    }
}
