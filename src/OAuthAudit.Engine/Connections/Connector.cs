using System;
using System.IO;
using OAuthAudit.Engine.Api;
using OAuthAudit.Engine.Organizations;
using OAuthAudit.Engine.Files;
using OAuthAudit.Engine.Snapshots;
using OAuthAudit.Engine.Operations;

namespace OAuthAudit.Engine.Connections
{
    /// <summary>Opens contexts: checks the credentials at once, so a bad secret fails on Connect, not mid-audit.</summary>
    public static class Connector
    {
        public static GcContext ConnectLive(LiveConnectionRequest request, Operation operation)
        {
            var transport = new HttpTransport(request.RetryPolicy, maxResponseBytes: request.MaxResponseBytes);
            IAccessTokenSource tokens = request.Credential != null
                ? new ClientCredentialsTokenSource(request.Credential, request.Endpoint, transport)
                : new SuppliedTokenSource(request.AccessToken ?? throw new ArgumentException("A live connection needs a client credential or an access token.", nameof(request)));
            var api = new GenesysApiClient(request.Endpoint, transport, tokens);
            try
            {
                // The token is asked for first (its messages are this command's); the organization's reads start beside
                // it and wait for it, so they go out as soon as it is in.
                var token = tokens.GetTokenAsync(operation);
                var connecting = AsyncOnce<LiveOrganizationSource>.Observed(LiveOrganizationSource.ConnectAsync(api, operation, request.ListingFreshFor, request.Clock));
                operation.Wait(token);
                var source = operation.Wait(connecting);
                return new GcContext(new OrganizationDirectory(source), ContextSource.Api, tokens)
                {
                    Region = request.Endpoint.Region,
                    Environment = request.Endpoint.Environment,
                    ApiBaseUri = request.Endpoint.ApiBaseUri,
                    ClientId = request.Credential?.ClientId,
                };
            }
            catch
            {
                api.Dispose();
                throw;
            }
        }

        /// <exception cref="FileFormatException">The file is not a usable snapshot.</exception>
        /// <exception cref="FileNotFoundException">There is no such file.</exception>
        public static GcContext ConnectSnapshot(string path)
        {
            var snapshot = SnapshotReader.Read(path);
            return new GcContext(new OrganizationDirectory(new SnapshotOrganizationSource(snapshot)), ContextSource.Snapshot, tokens: null)
            {
                Environment = snapshot.Environment,
                Region = snapshot.Environment == null ? null : GenesysRegions.RegionOf(snapshot.Environment),
                SnapshotPath = snapshot.Path,
                CapturedAt = snapshot.CapturedAt,
            };
        }
    }
}
