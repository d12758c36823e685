using System;
using System.Net;
using System.Net.Sockets;

namespace OAuthAudit.Engine.Api
{
    /// <summary>Whether a failed request failed because its host name does not resolve (on .NET Framework and .NET alike).</summary>
    internal static class NameResolution
    {
        public static bool Failed(Exception failure)
        {
            for (var current = failure; current != null; current = current.InnerException)
            {
                switch (current)
                {
                    case SocketException socket when socket.SocketErrorCode == SocketError.HostNotFound || socket.SocketErrorCode == SocketError.NoData:
                        return true;
                    case WebException web when web.Status == WebExceptionStatus.NameResolutionFailure:
                        return true;
                }

                if (current.Message.IndexOf("Name or service not known", StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
