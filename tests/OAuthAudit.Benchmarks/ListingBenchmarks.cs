using System.Collections.Generic;
using BenchmarkDotNet.Attributes;
using OAuthAudit.Engine.Api.Dto;
using OAuthAudit.Engine.Model;
using OAuthAudit.Engine.Organizations;

namespace OAuthAudit.Benchmarks
{
    /// <summary>Reading the organization: the client listing's JSON to DTOs, the registries, and the clients resolved against them.</summary>
    [MemoryDiagnoser]
    public class ListingBenchmarks
    {
        private Workload _workload = null!;

        [Params(10_000)]
        public int Clients { get; set; } = 10_000;

        [GlobalSetup]
        public void Setup() => _workload = Workload.Build(Clients);

        /// <summary>One OAuthClientEntityListing of every client to OAuthClientDto objects.</summary>
        [Benchmark]
        public int ParseListing() => Workload.ParseClients(_workload.ClientListingJson).Count;

        /// <summary>The scope registry, 500 roles, the divisions and the permission catalogue from their JSON.</summary>
        [Benchmark]
        public AuthorizationRegistry BuildRegistries()
        {
            Workload.BuildScopeRegistry(_workload.ScopesJson);
            return Workload.BuildAuthorization(_workload.RolesJson, _workload.DivisionsJson, _workload.PermissionsJson);
        }

        /// <summary>Every parsed client resolved: scopes from the registry, role grants to roles × divisions with their permissions.</summary>
        [Benchmark]
        public IReadOnlyList<OAuthClient> ResolveClients() => Workload.Resolve(_workload.Dtos, _workload.Scopes, _workload.Authorization);

        internal IReadOnlyList<OAuthClientDto> Dtos => _workload.Dtos;
    }
}
